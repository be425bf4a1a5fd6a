import type { MessageTable } from '../i18n-types.js';

export const testApi: MessageTable = {
  vi: {
    // dvc test-api (transport, reports)
    'testApi.cmd.desc':
      'Gửi thử một yêu cầu tới API của tỉnh (như nút "Gửi" trên màn hình Kiểm tra API của Cổng DVCQG) và kiểm tra câu trả lời',
    'testApi.cmd.types': 'Liệt kê các loại API có thể kiểm tra',
    'testApi.cmd.template': 'In nội dung yêu cầu gợi ý cho một loại API, điền sẵn từ cấu hình (đã kiểm tra hợp lệ)',
    'testApi.cmd.decode': 'Giải mã tệp XML trong FileThongBaoThue của một nội dung yêu cầu và in thành bảng',
    'testApi.arg.bodyFile': 'tệp JSON chứa nội dung yêu cầu thong-bao-thue',
    'testApi.opt.type': 'loại API: tra-cuu, thong-bao-thue, chung-tu (xem: dvc test-api types)',
    'testApi.opt.url': 'địa chỉ đầy đủ của API cần thử (trường hợp 1)',
    'testApi.opt.dst': 'DSTCode của tỉnh đã cấu hình trong provinces.<DST> (trường hợp 2)',
    'testApi.opt.body': 'tệp JSON chứa nội dung yêu cầu (mặc định: mẫu gợi ý của loại API)',
    'testApi.opt.noValidate': 'gửi cả khi nội dung yêu cầu không hợp lệ theo lược đồ',
    'testApi.opt.timeout':
      'thời gian tối đa (ms) cho cả lần gọi, tính từ lúc kết nối tới byte cuối của câu trả lời (kể cả chuyển hướng); quá thì dừng, mã thoát 3',
    'testApi.opt.maxTime': 'thời gian trả lời tối đa chấp nhận được (ms); chậm hơn là kiểm tra không đạt',
    'testApi.opt.ca': 'tệp PEM chứa chứng chỉ CA hoặc chứng chỉ trung gian cần tin cậy thêm (dùng được nhiều lần)',
    'testApi.opt.insecure': 'bỏ qua kiểm tra chứng chỉ TLS (KHÔNG an toàn; được ghi vào mọi báo cáo)',
    'testApi.opt.proxy': 'đi qua proxy này (mặc định lấy từ HTTPS_PROXY/HTTP_PROXY, trừ các máy trong NO_PROXY)',
    'testApi.opt.follow': 'đi theo chuyển hướng (mặc định chỉ báo, không đi theo)',
    'testApi.opt.maxSize': 'kích thước câu trả lời tối đa (byte); lớn hơn thì dừng đọc và báo lỗi',
    'testApi.opt.junit': 'ghi báo cáo JUnit XML (cho Jenkins, GitLab) vào tệp này',
    'testApi.opt.html': 'ghi báo cáo HTML (biểu đồ thời gian, kết quả kiểm tra) vào tệp này',
    'testApi.opt.save': 'lưu yêu cầu, câu trả lời và kết quả thành tệp JSON trong thư mục này (cho dvc evidence)',
    'testApi.opt.cases': 'chạy nhiều trường hợp: CSV có cột MaHoSo hoặc body, hoặc JSON là mảng các nội dung',
    'testApi.opt.repeat': 'gửi N lần để đo tải: p50/p90/p99, số yêu cầu mỗi giây, lỗi theo loại',
    'testApi.opt.concurrency': 'số yêu cầu gửi đồng thời khi dùng --repeat',
    'testApi.opt.force': 'cho phép ghi đè báo cáo JUnit và các tệp đã lưu',
    'testApi.opt.xml': 'tệp XML thông báo thuế đưa vào FileThongBaoThue (mã hóa base64)',
    'testApi.opt.typeOptional': 'chỉ liệt kê loại này',
    'testApi.needType': 'Thiếu --type. Chọn một loại API: {types}. Ví dụ: dvc test-api --type tra-cuu --dst HNI',
    'testApi.needUrlOrDst':
      'Cần --url (địa chỉ API) hoặc --dst (tỉnh trong cấu hình). Ví dụ: dvc test-api --type tra-cuu --url https://motcua.tinh.gov.vn/api/tracuu',
    'testApi.badUrl': 'Địa chỉ "{url}" không hợp lệ: cần một URL đầy đủ bắt đầu bằng http:// hoặc https://.',
    'testApi.unknownDst':
      'Không có tỉnh "{dst}" trong cấu hình. Các tỉnh đã cấu hình: {known}. Thêm provinces.{dst} vào tệp cấu hình hoặc chọn một tỉnh có sẵn.',
    'testApi.noUrlForType':
      'Tỉnh {dst} chưa cấu hình địa chỉ cho loại API "{type}" (đã có: {configured}). Thêm provinces.{dst}.apis.{type}.url vào cấu hình, hoặc chỉ định bằng --url.',
    'testApi.secretMissing': 'Chưa có bí mật xác thực: đặt {where} trong cấu hình.',
    'testApi.bodyNotJson':
      'Tệp nội dung "{file}" không phải JSON hợp lệ (hỏng ở dòng {line}, cột {column}). Sửa tệp, hoặc dùng --no-validate để gửi nguyên văn.',
    'testApi.bodyNotObject': 'nội dung yêu cầu phải là một đối tượng JSON',
    'testApi.fileNotRegular':
      '"{path}" không phải một tệp thường (là thư mục, thiết bị, FIFO hay socket). dvc chỉ đọc tệp thường; chỉ đường dẫn tới một tệp.',
    'testApi.fileTooBig': 'Tệp "{path}" lớn hơn giới hạn {limit} cho loại tệp này. Kiểm tra có chỉ nhầm tệp không.',
    'testApi.bodyInvalid':
      'Nội dung yêu cầu "{name}" không hợp lệ ({count} lỗi, đầu tiên tại "{path}"). Sửa các trường dưới đây, hoặc dùng --no-validate để vẫn gửi.',
    'testApi.bodyIssue': 'tại "{path}": {problem}',
    'testApi.bodyIssueExample': 'ví dụ giá trị đúng: {example}',
    'testApi.casesShape':
      'Tệp trường hợp "{file}" không có trường hợp nào: cần một mảng JSON khác rỗng hoặc một CSV có dữ liệu.',
    'testApi.casesColumns': 'Tệp CSV "{file}" cần cột MaHoSo hoặc cột body (các cột đang có: {found}).',
    'testApi.casesCsv':
      'Không đọc được tệp CSV "{file}" ({reason}). Lưu lại từ Excel dưới dạng "CSV UTF-8" rồi chạy lại.',
    'testApi.casesBadBody': 'Tệp "{file}", dòng {row}: cột body không phải JSON hợp lệ (hỏng ở ký tự {column}).',
    'testApi.bodyAndCases': 'Dùng --body hoặc --cases, không dùng cả hai.',
    'testApi.casesAndRepeat': 'Dùng --cases hoặc --repeat, không dùng cả hai.',
    'testApi.numberTooLarge': '{name} {value} vượt giới hạn {max}. Chọn một số không quá {max}.',
    'testApi.reservedName':
      '{flag} "{name}" là tên dành riêng, không dùng được làm mã tỉnh hay tên loại API. Chọn tên khác.',
    'testApi.badNumber': 'Giá trị {value} của {name} không hợp lệ: cần một số nguyên từ {min} trở lên.',
    'testApi.caUnreadable':
      'Không đọc được tệp CA "{file}" ({reason}). Kiểm tra đường dẫn của --ca hoặc provinces.<DST>.tls.caFile.',
    'testApi.caNoCert': 'Tệp "{file}" không chứa chứng chỉ PEM nào (cần các khối -----BEGIN CERTIFICATE-----).',
    'testApi.xmlUnreadable': 'Không đọc được tệp XML "{file}": {reason}',
    'testApi.fault.connRefused':
      'Máy chủ {host} từ chối kết nối ở cổng {port} (ECONNREFUSED). Kiểm tra dịch vụ có đang chạy, đúng cổng, và tường lửa cho phép.',
    'testApi.fault.dns':
      'Không phân giải được tên miền "{host}" ({code}). Kiểm tra chính tả địa chỉ và máy chủ DNS; trong mạng nội bộ có thể cần --proxy.',
    'testApi.fault.connReset':
      'Kết nối tới {host} bị ngắt giữa chừng ({code}). Máy chủ hoặc thiết bị mạng ở giữa đã đóng kết nối; xem nhật ký máy chủ.',
    'testApi.fault.connectTimeout':
      'Không kết nối được tới {host}:{port} trong {timeout} ms. Kiểm tra tường lửa, địa chỉ, hoặc tăng --timeout.',
    'testApi.fault.headersTimeout':
      'Máy chủ không trả lời (chưa gửi tiêu đề) trong {timeout} ms. API xử lý quá lâu hoặc bị treo; tăng --timeout nếu cần.',
    'testApi.fault.bodyTimeout':
      'Máy chủ ngừng gửi nội dung câu trả lời quá {timeout} ms. Câu trả lời bị treo giữa chừng; xem nhật ký máy chủ hoặc tăng --timeout.',
    'testApi.fault.tlsMissingIssuer':
      'Không xác minh được chứng chỉ của {host}: thiếu chứng chỉ trung gian ({code}). Máy chủ không gửi chứng chỉ trung gian: cấu hình máy chủ gửi đủ chuỗi chứng chỉ, hoặc dùng --ca với tệp chứa chuỗi (CA trung gian và gốc).',
    'testApi.fault.tlsSelfSigned':
      'Chứng chỉ của {host} là chứng chỉ tự ký ({code}). Dùng chứng chỉ do CA công cộng cấp, hoặc dùng --ca với chứng chỉ CA nội bộ.',
    'testApi.fault.tlsExpired':
      'Chứng chỉ của {host} đã hết hạn hoặc chưa đến ngày hiệu lực ({code}). Gia hạn chứng chỉ trên máy chủ; kiểm tra cả đồng hồ của máy này.',
    'testApi.fault.tlsHostname':
      'Chứng chỉ không dành cho tên "{host}" (ERR_TLS_CERT_ALTNAME_INVALID): sai tên máy. Dùng đúng tên miền ghi trong chứng chỉ, hoặc cấp lại chứng chỉ có tên này.',
    'testApi.fault.tlsUnknownCa':
      'Chứng chỉ của {host} do một CA mà máy này không tin cậy cấp ({code}): CA nội bộ, hoặc máy chủ không gửi chứng chỉ trung gian. Dùng --ca với tệp chứng chỉ CA (gốc và trung gian) của nhà cung cấp, hoặc cấu hình máy chủ gửi đủ chuỗi chứng chỉ.',
    'testApi.fault.tlsNotTls':
      'Máy chủ {host}:{port} không trả lời bằng TLS ({code}): cổng này có lẽ là HTTP thường. Dùng http:// thay cho https://, hoặc đúng cổng HTTPS.',
    'testApi.fault.tlsVersion':
      'Máy chủ {host} và dvc không có phiên bản TLS hay bộ mã hóa chung ({code}): máy chủ có lẽ chỉ dùng TLS 1.0/1.1 hay bộ mã cũ, nay bị coi là không an toàn. Đề nghị nhà cung cấp bật TLS 1.2 hoặc 1.3.',
    'testApi.fault.tlsHandshakeClosed':
      'Máy chủ {host} đóng kết nối giữa lúc bắt tay TLS ({code}). Máy chủ có thể đòi chứng chỉ phía máy khách, từ chối phiên bản TLS của dvc, hoặc cổng này không phải dịch vụ HTTPS; kiểm tra địa chỉ, cổng, và hỏi nhà cung cấp.',
    'testApi.fault.tlsOther':
      'Bắt tay TLS với {host} thất bại ({code}). Kiểm tra máy chủ có dùng TLS 1.2 trở lên với chứng chỉ hợp lệ, và địa chỉ đúng http/https; chạy lại với --verbose để xem chi tiết.',
    'testApi.fault.closedBeforeAnswer':
      'Máy chủ {host} đóng kết nối trước khi trả lời ({code}). Máy chủ hoặc thiết bị ở giữa (tường lửa, bộ cân bằng tải) đã bỏ yêu cầu này; xem nhật ký máy chủ để biết yêu cầu có tới không và vì sao bị đóng.',
    'testApi.fault.closedMidAnswer':
      'Máy chủ {host} đóng kết nối khi đang gửi câu trả lời ({code}): câu trả lời không trọn vẹn. Xem nhật ký máy chủ (lỗi khi tạo câu trả lời, hoặc Content-Length lớn hơn nội dung thật).',
    'testApi.fault.tooLarge':
      'Câu trả lời lớn hơn giới hạn {limit} byte; đã dừng đọc. Kiểm tra API có trả đúng dữ liệu, hoặc tăng --max-size.',
    'testApi.fault.tooManyRedirects':
      'Quá nhiều lần chuyển hướng từ {url}. Kiểm tra cấu hình chuyển hướng của máy chủ.',
    'testApi.fault.proxyUnreachable':
      'Không kết nối được tới proxy {proxy} ({code}). Kiểm tra địa chỉ và cổng proxy trong --proxy hoặc HTTPS_PROXY/HTTP_PROXY, và proxy có đang chạy; nếu {host} không cần proxy, thêm nó vào NO_PROXY.',
    'testApi.fault.proxyAuth':
      'Proxy {proxy} đòi xác thực (407). Ghi tên và mật khẩu vào địa chỉ proxy (http://tên:mật-khẩu@máy:cổng) trong HTTPS_PROXY, hoặc hỏi quản trị mạng.',
    'testApi.fault.proxyBadGateway':
      'Proxy {proxy} không tới được máy chủ {host}:{port} (proxy trả {status}). Kiểm tra địa chỉ API và proxy có được phép ra tới máy chủ này; nếu máy chủ ở trong mạng nội bộ, thêm nó vào NO_PROXY.',
    'testApi.fault.proxyRefused':
      'Proxy {proxy} từ chối mở đường hầm tới {host}:{port} (proxy trả {status}). Proxy có thể chặn máy hay cổng này; hỏi quản trị mạng, hoặc thêm máy chủ vào NO_PROXY nếu không cần proxy.',
    'testApi.fault.proxy':
      'Lỗi khi đi qua proxy {proxy} ({code}). Kiểm tra --proxy, HTTPS_PROXY và NO_PROXY; chạy lại với --verbose để xem chi tiết.',
    'testApi.fault.other':
      'Lỗi truyền tải khi gọi {url} ({code}). Chạy lại với --verbose để xem chi tiết của thư viện mạng.',
    'testApi.h.faultDetail': 'Chi tiết (nguyên văn của thư viện mạng)',
    'testApi.fault.malformed':
      'Máy chủ {url} trả lời sai khuôn dạng HTTP/1.1 ({code}): phần đầu quá 16 KiB, dòng kết thúc thiếu CR, cỡ khối chunked không phải số hex hay độ dài không khớp. Câu trả lời này không được chấp nhận; báo nhà cung cấp sửa máy chủ.',
    'testApi.fault.badRedirect':
      'Máy chủ {url} chuyển hướng tới một địa chỉ không dùng được ({detail}). Chỉ theo chuyển hướng tới http:// hoặc https:// hợp lệ; báo nhà cung cấp sửa tiêu đề Location.',
    'testApi.warn.insecure':
      'Đang bỏ qua kiểm tra chứng chỉ TLS (--insecure). Kết quả này không chứng minh kết nối an toàn; điều này được ghi trong mọi báo cáo.',
    'testApi.warn.placeholderUnit':
      'Chưa biết mã đơn vị: mẫu dùng mã giả {unit}. Chọn tỉnh bằng --dst hoặc đưa nội dung bằng --body.',
    'testApi.warn.missingUnit':
      'Cấu hình của tỉnh {dst} thiếu {key} (mã đơn vị): mẫu dùng mã giả {unit}. Thêm "unit": "<mã đơn vị>" vào provinces.{dst} trong tệp cấu hình, hoặc đưa nội dung bằng --body.',
    'testApi.warn.certExpiring': 'Chứng chỉ TLS của máy chủ còn {days} ngày là hết hạn ({date}). Gia hạn sớm.',
    'testApi.warn.insecureWouldFail': 'Nếu không có --insecure, chứng chỉ sẽ bị từ chối: {reason}',
    'testApi.warn.redirectNotFollowed':
      'Máy chủ chuyển hướng ({status}) tới {location}; không đi theo. Dùng đúng địa chỉ này, hoặc thêm --follow.',
    'testApi.warn.redirectFollowed': 'Đã đi theo chuyển hướng ({status}) tới {location}.',
    'testApi.warn.notValidated': 'Nội dung yêu cầu không được kiểm tra (--no-validate).',
    'testApi.h.request': 'Yêu cầu',
    'testApi.h.response': 'Trả lời',
    'testApi.h.headers': 'Tiêu đề',
    'testApi.h.body': 'Nội dung',
    'testApi.h.checks': 'Kiểm tra',
    'testApi.h.timings': 'Thời gian',
    'testApi.h.tls': 'TLS',
    'testApi.h.tlsLine':
      '{protocol} · {cipher} · chủ thể: {subject} · cấp bởi: {issuer} · hết hạn {validTo} (còn {days} ngày)',
    'testApi.h.pass': 'ĐẠT: mọi kiểm tra đều đạt',
    'testApi.h.fail': 'KHÔNG ĐẠT: {failed}/{total} kiểm tra không đạt',
    'testApi.h.faultTitle': 'Lỗi truyền tải',
    'testApi.h.summary': '{passed}/{total} trường hợp đạt',
    'testApi.h.load':
      '{requests} yêu cầu, {concurrency} đồng thời, {seconds} s: {throughput} yêu cầu/giây; đạt {passed}, không đạt {failed}',
    'testApi.h.latency': 'Độ trễ (ms): p50 {p50} · p90 {p90} · p99 {p99} · nhỏ nhất {min} · lớn nhất {max}',
    'testApi.h.latencyNone': 'Độ trễ: không có câu trả lời nào để đo (mọi yêu cầu đều lỗi, xem lỗi theo loại bên dưới)',
    'testApi.h.errorsByKind': 'Lỗi theo loại:',
    'testApi.h.saved': 'Đã lưu {count} tệp vào {dir}',
    'testApi.h.junit': 'Đã ghi báo cáo JUnit: {file}',
    'testApi.h.html': 'Đã ghi báo cáo HTML: {file}',
    'testApi.h.typesTitle': 'Các loại API',
    'testApi.h.serviceUnpublished': '(tên dịch vụ chưa được công bố)',
    'testApi.h.decodeRows': '{rows} dòng thông báo thuế trong {dossiers} hồ sơ',
    'testApi.h.decodeIssues': 'Vấn đề của tệp thông báo:',
    'testApi.h.templateValid': 'Mẫu hợp lệ theo lược đồ của {type}.',
    'testApi.h.proxy': 'qua proxy {proxy}',
    'testApi.h.redirect': 'Chuyển hướng {status} → {location}',
    // API types, request issues and response checks (src/core/api); dvc mock-api
    'api.unknownType':
      'Không có loại API "{id}". Các loại đã biết: {known}. Thêm loại mới trong cấu hình: apiTypes.{id} với templateFile và service.',
    'api.typeIncomplete':
      'Loại API "{id}" trong cấu hình thiếu mẫu hoặc tên dịch vụ: khai báo apiTypes.{id}.templateFile (tệp JSON) và apiTypes.{id}.service (hoặc trường service trong mẫu).',
    'api.schemaInvalid':
      'Lược đồ {which} của loại API "{id}" không dùng được: {reason}. Sửa tệp lược đồ JSON (draft-07 hoặc 2020-12).',
    'api.typeFileMissing':
      'Không đọc được tệp {file} (apiTypes.{id}.{key}). Kiểm tra đường dẫn: đường dẫn tương đối tính từ thư mục của tệp cấu hình.',
    'api.typeFileParse': 'Tệp {file} (apiTypes.{id}) không phải JSON hợp lệ (hỏng ở dòng {line}, cột {column}).',
    'api.typeFileNotObject': 'Tệp {file} (apiTypes.{id}.{key}) phải chứa một đối tượng JSON {...}.',
    'api.issue.required': 'thiếu trường bắt buộc {field}',
    'api.issue.type': 'sai kiểu: cần {expected}, nhận được {actual}',
    'api.issue.pattern': 'giá trị "{value}" không đúng dạng (mẫu {pattern})',
    'api.issue.format': 'giá trị "{value}" không đúng định dạng {format} hoặc không phải ngày giờ có thật',
    'api.issue.enum': 'giá trị {value} không được chấp nhận; chỉ nhận: {allowed}',
    'api.issue.const': 'giá trị {value} phải là {expected}',
    'api.issue.tooShort': 'quá ngắn: cần ít nhất {limit} ký tự',
    'api.issue.tooLong': 'quá dài: tối đa {limit} ký tự',
    'api.issue.range': 'giá trị {value} phải {comparison} {limit}',
    'api.issue.unknownField': 'trường {field} không có trong lược đồ',
    'api.issue.tooFewItems': 'cần ít nhất {limit} phần tử',
    'api.issue.other': 'không hợp lệ theo lược đồ ({keyword}): {detail}',
    'api.issue.notJson': 'nội dung không phải JSON hợp lệ (hỏng ở dòng {line}, cột {column})',
    'api.issue.service': 'tên dịch vụ "{actual}" không khớp loại API này; cần "{expected}"',
    'api.issue.base64':
      'FileThongBaoThue không phải chuỗi base64 hợp lệ; hãy mã hóa base64 tệp XML thông báo thuế (UTF-8)',
    'api.issue.xmlMalformed': 'tệp XML thông báo thuế sai cú pháp ở dòng {line}: {reason}',
    'api.issue.xmlRoot': 'phần tử gốc của XML là <{found}>, cần <{expected}> (/DATA/BODY/ROW_LIST)',
    'api.issue.xmlMissing': 'thiếu phần tử <{element}> trong XML thông báo thuế',
    'api.issue.xmlEmpty': 'phần tử <{element}> trong XML thông báo thuế để trống',
    'api.issue.dateFormat': 'ngày "{value}" không đúng định dạng {format} hoặc không có thật',
    'api.issue.amountInteger': 'số tiền "{value}" phải là số nguyên đồng (chỉ gồm chữ số, không dấu chấm, dấu phẩy)',
    'api.check.statusOk': 'HTTP {status}',
    'api.check.statusBad': 'HTTP {status}, cần {expected}',
    'api.check.notJsonType': 'Content-Type là "{contentType}", cần application/json',
    'api.check.jsonOk': 'JSON hợp lệ ({contentType})',
    'api.check.jsonParse': 'câu trả lời không phải JSON (hỏng ở dòng {line}, cột {column}; bắt đầu bằng: {start})',
    'api.check.jsonTooDeep': 'câu trả lời JSON lồng sâu quá {limit} tầng',
    'api.check.skipped': 'không kiểm tra được vì bước {reason} không đạt',
    'api.check.schemaOk': 'đúng lược đồ câu trả lời',
    'api.check.schemaBad': '{count} chỗ sai lược đồ câu trả lời, đầu tiên: {first}',
    'api.check.codeOk': 'mã nghiệp vụ {field} = {code}',
    'api.check.codeMissing':
      'không có trường mã nghiệp vụ {field} trong câu trả lời (cần một trong: {expected}); sửa response.codeField của tỉnh nếu hệ thống dùng tên khác',
    'api.check.codeBad': 'mã nghiệp vụ {field} = {code}, cần một trong: {expected}. {message}',
    'api.check.timeOk': 'trả lời trong {ms} ms (tối đa {max} ms)',
    'api.check.timeSlow': 'trả lời mất {ms} ms, quá mức tối đa {max} ms',
    'mock.cmd.desc':
      'Chạy máy chủ API mẫu của tỉnh (tra-cuu, thong-bao-thue, chung-tu) trên máy này để thử dvc test-api và cấu hình',
    'mock.opt.port': 'cổng lắng nghe (0 = chọn cổng trống)',
    'mock.opt.host': 'địa chỉ lắng nghe',
    'mock.opt.tls':
      'dùng HTTPS với chứng chỉ tự ký tạo lúc khởi động (đường dẫn chứng chỉ được in ra để dùng với --ca)',
    'mock.opt.dst': 'DSTCode của tỉnh trong cấu hình: lấy cách xác thực và mã đơn vị của tỉnh đó',
    'mock.opt.store': 'lưu dữ liệu nhận được vào tệp JSON này (đọc lại khi khởi động)',
    'mock.opt.delay': 'chờ bấy nhiêu ms trước khi trả lời',
    'mock.opt.failRate': 'xác suất (0..1) trả lời HTTP 500 kèm trang HTML, để thử xử lý lỗi',
    'mock.opt.seed': 'hạt giống của bộ sinh số ngẫu nhiên cho --fail-rate (lặp lại được)',
    'mock.opt.status': 'luôn trả lời mã HTTP này',
    'mock.opt.printConfig': 'in cấu hình dvc (JSON) trỏ tới máy chủ mẫu rồi thoát',
    'mock.listening': 'Máy chủ API mẫu đang chạy. Dừng bằng Ctrl+C.',
    'mock.caFile': 'Chứng chỉ tự ký: {file} (dùng: dvc test-api --ca {file})',
    'mock.storeLoaded': 'Đã đọc {notices} thông báo và {receipts} chứng từ từ {file}',
    'mock.auth': 'Xác thực: {auth}',
    'mock.stopped': 'Đã dừng máy chủ API mẫu.',
    'mock.badFailRate': '--fail-rate phải là số từ 0 đến 1, nhận được {value}.',
    'mock.badStatus': '--status phải là mã HTTP từ 100 đến 599, nhận được {value}.',
    'mock.badDelay': '--delay phải là số ms không âm, nhận được {value}.',
    'mock.badPort': '--port phải là số từ 0 đến 65535, nhận được {value}.',
    'mock.dstUnknown': 'Không có tỉnh "{dst}" trong cấu hình. Các tỉnh đã cấu hình: {known}.',
    'mock.storeBad': 'Tệp lưu {file} không đọc được ({reason}); xóa tệp hoặc chọn tệp khác cho --store.',
    'mock.listenFailed': 'Không mở được {host}:{port}: {reason}. Chọn cổng khác bằng --port.',
    'mock.answer.noticeAccepted': 'Đã nhận thông báo thuế của hồ sơ {dossiers}',
    'mock.answer.noticeExists':
      'Thông báo thuế {notice} của hồ sơ {dossier} đã tồn tại (gửi lại với isUpdating = true để cập nhật)',
    'mock.answer.receiptAccepted': 'Đã nhận chứng từ nộp thuế của hồ sơ {dossier}',
    'mock.answer.receiptNoNotice': 'Không có thông báo thuế {notice} của mã số thuế {taxId} cho hồ sơ {dossier}',
    'mock.answer.nothingDue': 'Hồ sơ {dossier} không còn khoản nào phải nộp',
    'mock.answer.invalid': 'Nội dung yêu cầu không hợp lệ: {reason}',
    'mock.answer.unauthorized': 'Sai hoặc thiếu thông tin xác thực',
    'mock.answer.notFound': 'Không có API tại {path}; các API: POST /tra-cuu, /thong-bao-thue, /chung-tu',
    'mock.answer.methodNotAllowed': 'Chỉ nhận phương thức POST',
    'mock.answer.tooLarge': 'Nội dung yêu cầu quá lớn (tối đa {max} byte)',
    'mock.answer.fault': 'Lỗi máy chủ mô phỏng (--fail-rate)',
    'mock.answer.forcedStatus': 'Máy chủ mẫu được đặt luôn trả lời HTTP {status} (--status)',
    'mock.answer.accepted': 'Đã nhận yêu cầu {type} (loại API do cấu hình thêm, không có quy tắc nghiệp vụ)',
    'mock.opt.caOut': 'ghi chứng chỉ tự ký (PEM) vào tệp này thay vì thư mục tạm (dùng cùng --tls)',
    'mock.authNoSecret':
      'Tỉnh {dst} dùng xác thực {type} nhưng cấu hình không chỉ ra biến môi trường hoặc tệp chứa bí mật; thêm {key} vào provinces.{dst}.auth.',
    'mock.caOutNeedsTls': '--ca-out chỉ dùng cùng --tls.',
    'mock.badSeed': '--seed phải là số nguyên, nhận được {value}.',
  },
  en: {
    // dvc test-api (transport, reports)
    'testApi.cmd.desc':
      'Send a test request to a province API (like the "Send" button of the portal\'s API test screen) and check the answer',
    'testApi.cmd.types': 'List the API types that can be tested',
    'testApi.cmd.template':
      'Print the suggested request body of an API type, filled from the configuration (validated)',
    'testApi.cmd.decode': 'Decode the XML inside FileThongBaoThue of a request body and print it as a table',
    'testApi.arg.bodyFile': 'JSON file with a thong-bao-thue request body',
    'testApi.opt.type': 'API type: tra-cuu, thong-bao-thue, chung-tu (see: dvc test-api types)',
    'testApi.opt.url': 'full address of the API to test (case 1)',
    'testApi.opt.dst': 'DSTCode of a province configured under provinces.<DST> (case 2)',
    'testApi.opt.body': "JSON file with the request body (default: the type's suggested template)",
    'testApi.opt.noValidate': 'send even when the body does not match the schema',
    'testApi.opt.timeout':
      'time limit (ms) for the whole exchange, from connecting to the last byte of the answer (redirects included); past it the probe stops, exit 3',
    'testApi.opt.maxTime': 'slowest acceptable answer (ms); slower fails the check',
    'testApi.opt.ca': 'PEM file with a CA or intermediate certificate to trust as well (repeatable)',
    'testApi.opt.insecure': 'skip TLS certificate verification (NOT safe; recorded in every report)',
    'testApi.opt.proxy': 'go through this proxy (default from HTTPS_PROXY/HTTP_PROXY, except NO_PROXY hosts)',
    'testApi.opt.follow': 'follow redirects (by default they are reported, not followed)',
    'testApi.opt.maxSize': 'largest acceptable answer (bytes); beyond it reading stops with an error',
    'testApi.opt.junit': 'write a JUnit XML report (for Jenkins, GitLab) to this file',
    'testApi.opt.html': 'write an HTML report (timing waterfall, checks) to this file',
    'testApi.opt.save': 'save the request, answer and result as JSON files in this folder (for dvc evidence)',
    'testApi.opt.cases': 'run many cases: a CSV with a MaHoSo or body column, or a JSON array of bodies',
    'testApi.opt.repeat': 'send N times to measure load: p50/p90/p99, requests per second, errors by kind',
    'testApi.opt.concurrency': 'requests in flight at once with --repeat',
    'testApi.opt.force': 'allow replacing the JUnit report and saved files',
    'testApi.opt.xml': 'tax notice XML file to put in FileThongBaoThue (base64-encoded)',
    'testApi.opt.typeOptional': 'list this type only',
    'testApi.needType': 'Missing --type. Choose an API type: {types}. Example: dvc test-api --type tra-cuu --dst HNI',
    'testApi.needUrlOrDst':
      'Give --url (the API address) or --dst (a province of the configuration). Example: dvc test-api --type tra-cuu --url https://motcua.tinh.gov.vn/api/tracuu',
    'testApi.badUrl': 'Address "{url}" is not valid: a full URL starting with http:// or https:// is needed.',
    'testApi.unknownDst':
      'There is no province "{dst}" in the configuration. Configured provinces: {known}. Add provinces.{dst} to the configuration or choose an existing one.',
    'testApi.noUrlForType':
      'Province {dst} has no address for API type "{type}" (configured: {configured}). Add provinces.{dst}.apis.{type}.url to the configuration, or give --url.',
    'testApi.secretMissing': 'The authentication secret is missing: set {where} in the configuration.',
    'testApi.bodyNotJson':
      'Body file "{file}" is not valid JSON (broken at line {line}, column {column}). Fix the file, or use --no-validate to send it as it is.',
    'testApi.bodyNotObject': 'the request body must be a JSON object',
    'testApi.fileNotRegular':
      '"{path}" is not a regular file (a folder, a device, a FIFO or a socket). dvc reads regular files only; give the path of a file.',
    'testApi.fileTooBig':
      'File "{path}" is larger than the {limit} limit for this kind of file. Check it is the right file.',
    'testApi.bodyInvalid':
      'Request body "{name}" is not valid ({count} problems, the first at "{path}"). Fix the fields below, or use --no-validate to send it anyway.',
    'testApi.bodyIssue': 'at "{path}": {problem}',
    'testApi.bodyIssueExample': 'example of a right value: {example}',
    'testApi.casesShape': 'Cases file "{file}" holds no case: a non-empty JSON array or a CSV with rows is needed.',
    'testApi.casesColumns': 'CSV file "{file}" needs a MaHoSo column or a body column (columns found: {found}).',
    'testApi.casesCsv':
      'Cannot read the CSV file "{file}" ({reason}). Save it from Excel as "CSV UTF-8" and run again.',
    'testApi.casesBadBody':
      'File "{file}", row {row}: the body column is not valid JSON (broken at character {column}).',
    'testApi.bodyAndCases': 'Use --body or --cases, not both.',
    'testApi.casesAndRepeat': 'Use --cases or --repeat, not both.',
    'testApi.numberTooLarge': '{name} {value} is over its limit of {max}. Choose a number no larger than {max}.',
    'testApi.reservedName':
      '{flag} "{name}" is a reserved name and cannot be a province code or an API type. Choose another name.',
    'testApi.badNumber': 'Value {value} of {name} is not valid: a whole number of at least {min} is needed.',
    'testApi.caUnreadable':
      'Cannot read CA file "{file}" ({reason}). Check the path given to --ca or provinces.<DST>.tls.caFile.',
    'testApi.caNoCert': 'File "{file}" holds no PEM certificate (-----BEGIN CERTIFICATE----- blocks are needed).',
    'testApi.xmlUnreadable': 'Cannot read XML file "{file}": {reason}',
    'testApi.fault.connRefused':
      'Server {host} refused the connection on port {port} (ECONNREFUSED). Check that the service runs on that port and that the firewall lets it through.',
    'testApi.fault.dns':
      'Cannot resolve host name "{host}" ({code}). Check the spelling of the address and the DNS server; inside a closed network you may need --proxy.',
    'testApi.fault.connReset':
      'The connection to {host} was cut in the middle ({code}). The server or a network device in between closed it; see the server log.',
    'testApi.fault.connectTimeout':
      'Could not connect to {host}:{port} within {timeout} ms. Check the firewall and the address, or raise --timeout.',
    'testApi.fault.headersTimeout':
      'The server did not answer (no headers) within {timeout} ms. The API is too slow or hangs; raise --timeout if needed.',
    'testApi.fault.bodyTimeout':
      'The server stopped sending the answer for more than {timeout} ms. The answer hangs in the middle; see the server log or raise --timeout.',
    'testApi.fault.tlsMissingIssuer':
      'Cannot verify the certificate of {host}: an intermediate certificate is missing ({code}). The server does not send its intermediate certificate: configure it to send the full chain, or pass --ca with a file holding the chain (intermediate and root CA).',
    'testApi.fault.tlsSelfSigned':
      'The certificate of {host} is self-signed ({code}). Use a certificate from a public CA, or pass --ca with your internal CA certificate.',
    'testApi.fault.tlsExpired':
      "The certificate of {host} has expired or is not yet valid ({code}). Renew the certificate on the server; check this machine's clock too.",
    'testApi.fault.tlsHostname':
      'The certificate is not for the name "{host}" (ERR_TLS_CERT_ALTNAME_INVALID): wrong host name. Use the host name written in the certificate, or issue a certificate for this name.',
    'testApi.fault.tlsUnknownCa':
      'The certificate of {host} is issued by a CA this machine does not trust ({code}): an internal CA, or the server leaves out its intermediate certificate. Pass --ca with the CA certificates (root and intermediate) from the vendor, or configure the server to send the full chain.',
    'testApi.fault.tlsNotTls':
      'Server {host}:{port} does not answer in TLS ({code}): this port probably speaks plain HTTP. Use http:// instead of https://, or the right HTTPS port.',
    'testApi.fault.tlsVersion':
      'Server {host} and dvc share no TLS version or cipher ({code}): the server probably offers only TLS 1.0/1.1 or old ciphers, no longer deemed safe. Ask the vendor to enable TLS 1.2 or 1.3.',
    'testApi.fault.tlsHandshakeClosed':
      'Server {host} closed the connection during the TLS handshake ({code}). It may require a client certificate, refuse the TLS versions dvc offers, or this port is not an HTTPS service; check the address and port, and ask the vendor.',
    'testApi.fault.tlsOther':
      'The TLS handshake with {host} failed ({code}). Check that the server speaks TLS 1.2 or later with a valid certificate and that the address uses the right http/https; run again with --verbose for details.',
    'testApi.fault.closedBeforeAnswer':
      'Server {host} closed the connection before answering ({code}). The server or a device in between (a firewall, a load balancer) dropped this request; see the server log for whether it arrived and why it was closed.',
    'testApi.fault.closedMidAnswer':
      'Server {host} closed the connection in the middle of its answer ({code}): the answer is incomplete. See the server log (an error while writing the answer, or a Content-Length larger than the real body).',
    'testApi.fault.tooLarge':
      'The answer is larger than the {limit} byte limit; reading stopped. Check that the API returns the right data, or raise --max-size.',
    'testApi.fault.tooManyRedirects': "Too many redirects from {url}. Check the server's redirect configuration.",
    'testApi.fault.proxyUnreachable':
      'Cannot reach the proxy {proxy} ({code}). Check the proxy address and port in --proxy or HTTPS_PROXY/HTTP_PROXY and that the proxy runs; if {host} needs no proxy, add it to NO_PROXY.',
    'testApi.fault.proxyAuth':
      'The proxy {proxy} requires authentication (407). Put the user name and password in the proxy address (http://user:password@host:port) in HTTPS_PROXY, or ask the network administrator.',
    'testApi.fault.proxyBadGateway':
      'The proxy {proxy} could not reach {host}:{port} (it answered {status}). Check the API address and that the proxy may reach this server; if the server is inside the local network, add it to NO_PROXY.',
    'testApi.fault.proxyRefused':
      'The proxy {proxy} refused to open a tunnel to {host}:{port} (it answered {status}). The proxy may block this host or port; ask the network administrator, or add the server to NO_PROXY if it needs no proxy.',
    'testApi.fault.proxy':
      'Error going through the proxy {proxy} ({code}). Check --proxy, HTTPS_PROXY and NO_PROXY; run again with --verbose for details.',
    'testApi.fault.other':
      "Transport error calling {url} ({code}). Run again with --verbose for the network library's details.",
    'testApi.h.faultDetail': 'Details (as the network library gives them)',
    'testApi.fault.malformed':
      '{url} answered in a form HTTP/1.1 does not allow ({code}): a head over 16 KiB, a line end without CR, a chunk size that is not hex or a length that does not match. The answer is not accepted; ask the vendor to fix the server.',
    'testApi.fault.badRedirect':
      '{url} redirects to an address that cannot be used ({detail}). Only valid http:// or https:// redirects are followed; ask the vendor to fix the Location header.',
    'testApi.warn.insecure':
      'TLS certificate verification is off (--insecure). This result does not prove a safe connection; this is recorded in every report.',
    'testApi.warn.placeholderUnit':
      'The unit code is unknown: the template uses the placeholder {unit}. Choose a province with --dst or give a body with --body.',
    'testApi.warn.missingUnit':
      'The config of province {dst} lacks {key} (the unit code): the template uses the placeholder {unit}. Add "unit": "<unit code>" to provinces.{dst} in the config file, or give a body with --body.',
    'testApi.warn.certExpiring': "The server's TLS certificate expires in {days} days ({date}). Renew it soon.",
    'testApi.warn.insecureWouldFail': 'Without --insecure the certificate would be refused: {reason}',
    'testApi.warn.redirectNotFollowed':
      'The server redirects ({status}) to {location}; not followed. Use that address, or add --follow.',
    'testApi.warn.redirectFollowed': 'Followed a redirect ({status}) to {location}.',
    'testApi.warn.notValidated': 'The request body was not validated (--no-validate).',
    'testApi.h.request': 'Request',
    'testApi.h.response': 'Response',
    'testApi.h.headers': 'Headers',
    'testApi.h.body': 'Body',
    'testApi.h.checks': 'Checks',
    'testApi.h.timings': 'Timings',
    'testApi.h.tls': 'TLS',
    'testApi.h.tlsLine':
      '{protocol} · {cipher} · subject: {subject} · issuer: {issuer} · expires {validTo} ({days} days left)',
    'testApi.h.pass': 'PASS: every check passed',
    'testApi.h.fail': 'FAIL: {failed}/{total} checks failed',
    'testApi.h.faultTitle': 'Transport fault',
    'testApi.h.summary': '{passed}/{total} cases passed',
    'testApi.h.load':
      '{requests} requests, {concurrency} at once, {seconds} s: {throughput} requests/s; passed {passed}, failed {failed}',
    'testApi.h.latency': 'Latency (ms): p50 {p50} · p90 {p90} · p99 {p99} · min {min} · max {max}',
    'testApi.h.latencyNone': 'Latency: no answer to measure (every request failed; see the errors by kind below)',
    'testApi.h.errorsByKind': 'Errors by kind:',
    'testApi.h.saved': 'Saved {count} files in {dir}',
    'testApi.h.junit': 'JUnit report written: {file}',
    'testApi.h.html': 'HTML report written: {file}',
    'testApi.h.typesTitle': 'API types',
    'testApi.h.serviceUnpublished': '(service name not published)',
    'testApi.h.decodeRows': '{rows} tax notice rows in {dossiers} dossiers',
    'testApi.h.decodeIssues': 'Problems of the notice file:',
    'testApi.h.templateValid': 'The template is valid against the schema of {type}.',
    'testApi.h.proxy': 'through proxy {proxy}',
    'testApi.h.redirect': 'Redirect {status} → {location}',
    // API types, request issues and response checks (src/core/api); dvc mock-api
    'api.unknownType':
      'There is no API type "{id}". Known types: {known}. Add a new one in the config: apiTypes.{id} with templateFile and service.',
    'api.typeIncomplete':
      'API type "{id}" in the config lacks a template or a service name: set apiTypes.{id}.templateFile (a JSON file) and apiTypes.{id}.service (or a service field in the template).',
    'api.schemaInvalid':
      'The {which} schema of API type "{id}" cannot be used: {reason}. Fix the JSON Schema file (draft-07 or 2020-12).',
    'api.typeFileMissing':
      "Cannot read {file} (apiTypes.{id}.{key}). Check the path: relative paths start from the config file's folder.",
    'api.typeFileParse': '{file} (apiTypes.{id}) is not valid JSON (broken at line {line}, column {column}).',
    'api.typeFileNotObject': '{file} (apiTypes.{id}.{key}) must hold a JSON object {...}.',
    'api.issue.required': 'required field {field} is missing',
    'api.issue.type': 'wrong type: {expected} expected, got {actual}',
    'api.issue.pattern': 'value "{value}" does not have the right shape (pattern {pattern})',
    'api.issue.format': 'value "{value}" is not in format {format} or is not a real date/time',
    'api.issue.enum': 'value {value} is not accepted; allowed: {allowed}',
    'api.issue.const': 'value {value} must be {expected}',
    'api.issue.tooShort': 'too short: at least {limit} characters',
    'api.issue.tooLong': 'too long: at most {limit} characters',
    'api.issue.range': 'value {value} must be {comparison} {limit}',
    'api.issue.unknownField': 'field {field} is not in the schema',
    'api.issue.tooFewItems': 'at least {limit} items needed',
    'api.issue.other': 'invalid against the schema ({keyword}): {detail}',
    'api.issue.notJson': 'the body is not valid JSON (broken at line {line}, column {column})',
    'api.issue.service': 'service name "{actual}" does not match this API type; "{expected}" expected',
    'api.issue.base64': 'FileThongBaoThue is not valid base64; base64-encode the tax notice XML file (UTF-8)',
    'api.issue.xmlMalformed': 'the tax notice XML is not well-formed at line {line}: {reason}',
    'api.issue.xmlRoot': 'the XML root element is <{found}>, <{expected}> expected (/DATA/BODY/ROW_LIST)',
    'api.issue.xmlMissing': 'element <{element}> is missing from the tax notice XML',
    'api.issue.xmlEmpty': 'element <{element}> of the tax notice XML is empty',
    'api.issue.dateFormat': 'date "{value}" is not in format {format} or does not exist',
    'api.issue.amountInteger': 'amount "{value}" must be a whole number of VND (digits only, no dot or comma)',
    'api.check.statusOk': 'HTTP {status}',
    'api.check.statusBad': 'HTTP {status}, {expected} expected',
    'api.check.notJsonType': 'Content-Type is "{contentType}", application/json expected',
    'api.check.jsonOk': 'valid JSON ({contentType})',
    'api.check.jsonParse': 'the answer is not JSON (broken at line {line}, column {column}; it starts with: {start})',
    'api.check.jsonTooDeep': 'the JSON answer is nested deeper than {limit} levels',
    'api.check.skipped': 'not checked because the {reason} check failed',
    'api.check.schemaOk': 'matches the response schema',
    'api.check.schemaBad': '{count} problems against the response schema, first: {first}',
    'api.check.codeOk': 'business code {field} = {code}',
    'api.check.codeMissing':
      "no business code field {field} in the answer (one of {expected} expected); set the province's response.codeField if its system uses another name",
    'api.check.codeBad': 'business code {field} = {code}, one of {expected} expected. {message}',
    'api.check.timeOk': 'answered in {ms} ms (at most {max} ms)',
    'api.check.timeSlow': 'answered in {ms} ms, over the maximum of {max} ms',
    'mock.cmd.desc':
      "Run a local reference implementation of a province's API (tra-cuu, thong-bao-thue, chung-tu) to try dvc test-api and configurations",
    'mock.opt.port': 'port to listen on (0 = any free port)',
    'mock.opt.host': 'address to listen on',
    'mock.opt.tls': 'serve HTTPS with a self-signed certificate made at start (its path is printed, for --ca)',
    'mock.opt.dst': "the province's DSTCode in the config: use its authentication and unit code",
    'mock.opt.store': 'keep what is received in this JSON file (read back at start)',
    'mock.opt.delay': 'wait this many ms before answering',
    'mock.opt.failRate': 'probability (0..1) of answering HTTP 500 with an HTML page, to try error handling',
    'mock.opt.seed': 'seed of the random generator behind --fail-rate (repeatable runs)',
    'mock.opt.status': 'always answer with this HTTP status',
    'mock.opt.printConfig': 'print a dvc config (JSON) pointing at the mock server and exit',
    'mock.listening': 'The mock API server is running. Stop it with Ctrl+C.',
    'mock.caFile': 'Self-signed certificate: {file} (use: dvc test-api --ca {file})',
    'mock.storeLoaded': 'Read {notices} notices and {receipts} receipts from {file}',
    'mock.auth': 'Authentication: {auth}',
    'mock.stopped': 'The mock API server has stopped.',
    'mock.badFailRate': '--fail-rate must be a number from 0 to 1, got {value}.',
    'mock.badStatus': '--status must be an HTTP status from 100 to 599, got {value}.',
    'mock.badDelay': '--delay must be a non-negative number of ms, got {value}.',
    'mock.badPort': '--port must be a number from 0 to 65535, got {value}.',
    'mock.dstUnknown': 'There is no province "{dst}" in the config. Configured provinces: {known}.',
    'mock.storeBad': 'The store file {file} cannot be read ({reason}); delete it or choose another file for --store.',
    'mock.listenFailed': 'Cannot listen on {host}:{port}: {reason}. Choose another port with --port.',
    'mock.answer.noticeAccepted': 'Tax notice received for dossier {dossiers}',
    'mock.answer.noticeExists':
      'Tax notice {notice} of dossier {dossier} already exists (send it again with isUpdating = true to update it)',
    'mock.answer.receiptAccepted': 'Payment voucher received for dossier {dossier}',
    'mock.answer.receiptNoNotice': 'There is no tax notice {notice} for tax id {taxId} in dossier {dossier}',
    'mock.answer.nothingDue': 'Dossier {dossier} has nothing left to pay',
    'mock.answer.invalid': 'Invalid request body: {reason}',
    'mock.answer.unauthorized': 'Wrong or missing credentials',
    'mock.answer.notFound': 'No API at {path}; the APIs are: POST /tra-cuu, /thong-bao-thue, /chung-tu',
    'mock.answer.methodNotAllowed': 'Only POST is accepted',
    'mock.answer.tooLarge': 'Request body too large (at most {max} bytes)',
    'mock.answer.fault': 'Simulated server error (--fail-rate)',
    'mock.answer.forcedStatus': 'The mock server is set to always answer HTTP {status} (--status)',
    'mock.answer.accepted': 'Request {type} received (an API type added by the config, with no business rules)',
    'mock.opt.caOut': 'write the self-signed certificate (PEM) to this file instead of a temporary folder (with --tls)',
    'mock.authNoSecret':
      'Province {dst} uses {type} authentication but the config names no environment variable or file holding the secret; add {key} to provinces.{dst}.auth.',
    'mock.caOutNeedsTls': '--ca-out only goes with --tls.',
    'mock.badSeed': '--seed must be an integer, got {value}.',
  },
};
