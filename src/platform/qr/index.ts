export { qrPngDataUrl, qrSvg } from "./qr-code.js";
