import type { MessageParams } from '../../errors.js';

/** A message to render later in the chosen language: a catalogue key and its parameters. */
export interface DoctorMsg {
  key: string;
  params: MessageParams;
}

/**
 * One line of `dvc doctor`. `ok` true is ✓; `ok` false is ! when the severity is `warning` (it does not fail the
 * run) and ✗ when it is `error`.
 */
export interface DoctorCheck {
  id: string;
  ok: boolean;
  severity: 'error' | 'warning' | 'info';
  message: DoctorMsg;
  fix?: DoctorMsg;
}

export function msg(key: string, params: MessageParams = {}): DoctorMsg {
  return { key, params };
}

export function pass(id: string, message: DoctorMsg): DoctorCheck {
  return { id, ok: true, severity: 'info', message };
}

export function fail(id: string, message: DoctorMsg, fix?: DoctorMsg): DoctorCheck {
  return { id, ok: false, severity: 'error', message, fix };
}

export function warn(id: string, message: DoctorMsg, fix?: DoctorMsg): DoctorCheck {
  return { id, ok: false, severity: 'warning', message, fix };
}
