"""Personal data at rest (PIPL art. 51): ID numbers and phones are stored encrypted.

- :mod:`propdesk.pii.keys` — the key, kept outside the database (OS keyring, a private key
  file when no keyring exists, or ``PROPDESK_PII_KEY``);
- :mod:`propdesk.pii.cipher` — AES-GCM encryption and HMAC lookup hashes;
- :mod:`propdesk.pii.columns` — :class:`Encrypted`, the column type every personal column uses,
  so each ORM and Core read or write goes through the cipher;
- :mod:`propdesk.pii.index` — the lookup values stored beside a person's phone and ID number;
- :mod:`propdesk.pii.audit` — :func:`mask_for_audit` for audit rows.
"""
