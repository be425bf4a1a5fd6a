import type { Msg, NoticeRow } from './api-types.js';
import { decodeNotice } from './notice-xml.js';
import { readPath } from './read-path.js';
import { REFERENCE_POLICY } from './emulation/reference-system.js';

/**
 * The business rules of a province's receiver, as DOMAIN.md describes them, for `dvc mock-api`:
 * a new notice → 0; the same notice (MA_HSO + SO_QUYET_DINH) again → 1 unless isUpdating; a receipt matching a
 * stored notice on (MaHoSo, MaSoThue, MaThongBaoThue) → 0, otherwise 1; a look-up of a dossier with an unpaid
 * notice → 1 with the bill in `message`, otherwise 0. Bodies reach it already validated and key-bound.
 * No I/O: the state is a value the server keeps and may save.
 */

export interface StoredNotice extends NoticeRow {
  receivedAt: string;
}

export interface StoredReceipt {
  MaHoSo: string;
  MaSoThue: string;
  MaThongBaoThue: string;
  SoTien: number;
  TrangThaiThanhToan: number;
  ThoiGianThanhToan: string;
  HoTenNguoiNopTien: string;
  SoCMTNguoiNopTien: string;
  receivedAt: string;
}

export interface MockStateData {
  version: 1;
  notices: StoredNotice[];
  receipts: StoredReceipt[];
}

/** The answer body, before the message key is rendered; a bill is sent as an object. */
export interface MockAnswer {
  error_code: 0 | 1 | -1;
  message: Msg | Record<string, unknown>;
}

export interface MockProvinceInfo {
  unit?: string;
  name?: string;
}

/** Where receivers differ in their rules (each emulation in src/core/api/emulation/ has its own). */
export interface MockPolicy {
  /** The same notice again: refused with 1 (`refuse`), or stored over the old one and accepted (`accept`). */
  duplicateNotice: 'refuse' | 'accept';
  /** A receipt whose notice is not stored: refused with 1, or stored as a new tax record and accepted. */
  receiptWithoutNotice: 'refuse' | 'create';
  /** A receipt or look-up for a dossier never seen: treated like any other (`ignore`) or refused with -1. */
  unknownDossier: 'ignore' | 'refuse';
}

const SEP = '\u0000';
const noticeKey = (hso: string, so: string) => `${hso}${SEP}${so}`;
const itemKey = (hso: string, mst: string, so: string) => `${hso}${SEP}${mst}${SEP}${so}`;

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

export class MockProvince {
  private readonly notices = new Map<string, StoredNotice[]>();
  private readonly byItem = new Map<string, StoredNotice>();
  private readonly byDossier = new Map<string, Set<string>>();
  private readonly receipts = new Map<string, StoredReceipt>();

  constructor(
    private readonly info: MockProvinceInfo = {},
    data?: MockStateData,
    private readonly policy: MockPolicy = REFERENCE_POLICY,
  ) {
    if (data) {
      const grouped = new Map<string, StoredNotice[]>();
      for (const n of data.notices) {
        const k = noticeKey(n.MA_HSO, n.SO_QUYET_DINH);
        grouped.set(k, [...(grouped.get(k) ?? []), n]);
      }
      for (const [k, rows] of grouped) this.putNotice(k, rows);
      for (const r of data.receipts) this.receipts.set(itemKey(r.MaHoSo, r.MaSoThue, r.MaThongBaoThue), r);
    }
  }

  get counts(): { notices: number; receipts: number } {
    return { notices: this.notices.size, receipts: this.receipts.size };
  }

  snapshot(): MockStateData {
    return { version: 1, notices: [...this.notices.values()].flat(), receipts: [...this.receipts.values()] };
  }

  private putNotice(key: string, rows: StoredNotice[]): void {
    for (const old of this.notices.get(key) ?? [])
      this.byItem.delete(itemKey(old.MA_HSO, old.MA_SO_THUE, old.SO_QUYET_DINH));
    this.notices.set(key, rows);
    for (const r of rows) {
      this.byItem.set(itemKey(r.MA_HSO, r.MA_SO_THUE, r.SO_QUYET_DINH), r);
      const set = this.byDossier.get(r.MA_HSO) ?? new Set<string>();
      set.add(key);
      this.byDossier.set(r.MA_HSO, set);
    }
  }

  /** NhanThongBaoThueDat. `changed` says whether the state must be saved. */
  receiveNotice(body: unknown, now: Date): { answer: MockAnswer; changed: boolean } {
    const file = str(readPath(body, 'data.FileThongBaoThue'));
    const decoded = decodeNotice(file);
    const updating = truthy(readPath(body, 'isUpdating'));
    const groups = new Map<string, NoticeRow[]>();
    for (const row of decoded.rows) {
      const k = noticeKey(row.MA_HSO, row.SO_QUYET_DINH);
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    if (!updating && this.policy.duplicateNotice === 'refuse') {
      for (const [k, rows] of groups) {
        if (this.notices.has(k)) {
          return {
            answer: {
              error_code: 1,
              message: {
                key: 'mock.answer.noticeExists',
                params: { dossier: rows[0].MA_HSO, notice: rows[0].SO_QUYET_DINH },
              },
            },
            changed: false,
          };
        }
      }
    }
    const receivedAt = now.toISOString();
    for (const [k, rows] of groups)
      this.putNotice(
        k,
        rows.map((r) => ({ ...r, receivedAt })),
      );
    const dossiers = [...new Set(decoded.rows.map((r) => r.MA_HSO))].join(', ');
    return {
      answer: { error_code: 0, message: { key: 'mock.answer.noticeAccepted', params: { dossiers } } },
      changed: true,
    };
  }

  /** NhanChungTuThueDat. */
  receiveReceipt(body: unknown, now: Date): { answer: MockAnswer; changed: boolean } {
    const dossier = str(readPath(body, 'data.MaHoSo'));
    const taxId = str(readPath(body, 'data.MaSoThue'));
    const notice = str(readPath(body, 'data.ThongTinThanhToan.MaThongBaoThue'));
    const key = itemKey(dossier, taxId, notice);
    if (this.policy.unknownDossier === 'refuse' && !this.byDossier.has(dossier)) {
      return {
        answer: { error_code: -1, message: { key: 'mock.answer.unknownDossier', params: { dossier } } },
        changed: false,
      };
    }
    if (!this.byItem.has(key) && this.policy.receiptWithoutNotice === 'create') {
      this.putNotice(noticeKey(dossier, notice), [this.recordFromReceipt(body, dossier, taxId, notice, now)]);
    } else if (!this.byItem.has(key)) {
      return {
        answer: { error_code: 1, message: { key: 'mock.answer.receiptNoNotice', params: { dossier, taxId, notice } } },
        changed: false,
      };
    }
    this.receipts.set(key, {
      MaHoSo: dossier,
      MaSoThue: taxId,
      MaThongBaoThue: notice,
      SoTien: Number(readPath(body, 'data.ThongTinThanhToan.SoTien') ?? 0),
      TrangThaiThanhToan: Number(readPath(body, 'data.ThongTinThanhToan.TrangThaiThanhToan') ?? 0),
      ThoiGianThanhToan: str(readPath(body, 'data.ThongTinThanhToan.ThoiGianThanhToan')),
      HoTenNguoiNopTien: str(readPath(body, 'data.HoTenNguoiNopTien')),
      SoCMTNguoiNopTien: str(readPath(body, 'data.SoCMTNguoiNopTien')),
      receivedAt: now.toISOString(),
    });
    return {
      answer: { error_code: 0, message: { key: 'mock.answer.receiptAccepted', params: { dossier } } },
      changed: true,
    };
  }

  /** The tax record a receipt creates when no notice matches it (OpenCPS does so). */
  private recordFromReceipt(body: unknown, dossier: string, taxId: string, notice: string, now: Date): StoredNotice {
    return {
      MA_HSO: dossier,
      MA_SO_THUE: taxId,
      SO_QUYET_DINH: notice,
      NGAY_QUYET_DINH: '',
      SO_TIEN: str(readPath(body, 'data.ThongTinThanhToan.SoTien')),
      TEN_TIEUMUC: str(readPath(body, 'data.ThongTinThanhToan.NoiDungThanhToan')),
      receivedAt: now.toISOString(),
    };
  }

  /** The rows of a dossier's notices that no paid receipt (TrangThaiThanhToan = 1) covers yet. */
  unpaid(dossier: string): StoredNotice[] {
    const out: StoredNotice[] = [];
    for (const k of this.byDossier.get(dossier) ?? []) {
      for (const row of this.notices.get(k) ?? []) {
        const receipt = this.receipts.get(itemKey(row.MA_HSO, row.MA_SO_THUE, row.SO_QUYET_DINH));
        if (!receipt || receipt.TrangThaiThanhToan !== 1) out.push(row);
      }
    }
    return out;
  }

  /** The fee look-up: a bare `{"MaHoSo"}`, or the same inside an envelope's `data`. */
  lookUp(body: unknown): MockAnswer {
    const dossier = str(readPath(body, 'MaHoSo') ?? readPath(body, 'data.MaHoSo'));
    if (this.policy.unknownDossier === 'refuse' && !this.byDossier.has(dossier))
      return { error_code: -1, message: { key: 'mock.answer.unknownDossier', params: { dossier } } };
    const rows = this.unpaid(dossier);
    if (rows.length === 0) return { error_code: 0, message: { key: 'mock.answer.nothingDue', params: { dossier } } };
    return { error_code: 1, message: this.bill(dossier, rows) };
  }

  private bill(dossier: string, rows: StoredNotice[]): Record<string, unknown> {
    const unit = this.info.unit ?? dossier.replace(/-\d{6}-\d{4}$/, '');
    const items = rows.map((r) => ({ NoiDung: r.TEN_TIEUMUC, SoTien: Number(r.SO_TIEN) }));
    return {
      MaHoSo: dossier,
      MaTTHC: '',
      TenTTHC: '',
      MaDonVi: unit,
      TenDonVi: this.info.name ?? '',
      PhiLePhi: rows.map((r) => ({
        LoaiPhiLePhi: 2,
        MaPhiLePhi: r.SO_QUYET_DINH,
        TenPhiLePhi: r.TEN_TIEUMUC,
        SoTien: Number(r.SO_TIEN),
      })),
      TKThuHuong: '',
      MaNHThuHuong: '',
      TenTKThuHuong: '',
      NoiDungThanhToan: `${rows.map((r) => r.TEN_TIEUMUC).join('; ')} - ${dossier}`,
      HoTenNguoiNop: '',
      SoCMNDNguoiNop: '',
      DSKhoanNop: items,
    };
  }
}

export { seededRandom } from '../seeded-random.js';
