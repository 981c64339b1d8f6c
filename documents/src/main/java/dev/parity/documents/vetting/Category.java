package dev.parity.documents.vetting;

/** What sort of thing a {@link Finding} is. */
public enum Category {
  /** Data about a person: e-mail, phone, national ids, bank and card numbers, birth dates, addresses, GPS. */
  PERSONAL,
  /** Credentials: API keys, private keys, passwords, tokens. */
  SECRET,
  /** Words that mark material as confidential, privileged or under an NDA. */
  CONFIDENTIAL,
  /** Who made or handled the file: authors, user names, companies, paths with a user's folder. */
  IDENTITY,
  /** A file that could not be read, so nothing can be said about it. */
  UNREAD
}
