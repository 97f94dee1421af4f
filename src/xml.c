/*
 * xml: XML 1.0 escaping. Non-ASCII text is written as UTF-8, as the
 * declaration says; only what XML 1.0 cannot hold changes:
 *
 *     Say "hi" & <go>\n  ->  Say &quot;hi&quot; &amp; &lt;go&gt;&#10;
 */
#include "xml.h"

#include <string.h>

#include "utf8.h"

void aipm_xml_str(aipm_buf *out, const char *s) {
    if (!s) {
        return;
    }
    size_t len = strlen(s), i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t adv;
            int32_t cp = aipm_utf8_decode(s + i, len - i, &adv);
            if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF) {
                aipm_buf_puts(out, "\xEF\xBF\xBD");
            } else {
                aipm_buf_put(out, s + i, adv);
            }
            i += adv;
            continue;
        }
        switch (c) {
        case '&':
            aipm_buf_puts(out, "&amp;");
            break;
        case '<':
            aipm_buf_puts(out, "&lt;");
            break;
        case '>':
            aipm_buf_puts(out, "&gt;");
            break;
        case '"':
            aipm_buf_puts(out, "&quot;");
            break;
        case '\'':
            aipm_buf_puts(out, "&apos;");
            break;
        case '\t':
        case '\n':
        case '\r':
            aipm_buf_printf(out, "&#%d;", c);
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                aipm_buf_puts(out, "\xEF\xBF\xBD");
            } else {
                aipm_buf_putc(out, (char)c);
            }
        }
        i++;
    }
}
