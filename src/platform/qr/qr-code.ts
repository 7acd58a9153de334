import QRCode from "qrcode";

/**
 * QR codes for verification links printed on decisions, permits and certificates. Error
 * correction level M survives a worn or creased paper; the quiet zone is the standard 4 modules.
 */
const options = { errorCorrectionLevel: "M", margin: 4 } as const;

/** An SVG image (markup) of the code: sharp at any size, for pages. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: "svg" });
}

/** A PNG image as a data URL: for PDF documents (pdfmake `image`) and e-mails. */
export async function qrPngDataUrl(text: string, widthPixels = 256): Promise<string> {
  return QRCode.toDataURL(text, { ...options, type: "image/png", width: widthPixels });
}
