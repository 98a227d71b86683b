/**
 * Facts about Chinese resident identity cards that need no OCR: the GB 11643-1999 citizen ID number and its
 * check digit, GB/T 2260 region codes, the card's date and validity formats, the consistency checks between
 * the printed fields and the number, and masking of personal data for logs and error messages.
 *
 * <p>Depends on the JDK only. Everything here reports; nothing corrects a value that was read.
 */
package io.idcardstream.identity;
