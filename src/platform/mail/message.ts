export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id of this message, so that a retried job does not send it twice. */
  id?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Message ids become part of file names and Message-ID headers: letters, digits, `.`, `_`, `-`. */
export const messageIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
