/*
 * json: JSON string escaping (RFC 8259). Non-ASCII text is written as UTF-8,
 * not \u escapes, so messages stay readable; only invalid bytes change.
 */
#include "json.h"

#include <string.h>

#include "utf8.h"

void aipm_json_str(aipm_buf *out, const char *s, size_t len) {
    if (!s) {
        aipm_buf_puts(out, "null");
        return;
    }
    aipm_buf_putc(out, '"');
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t adv;
            if (aipm_utf8_decode(s + i, len - i, &adv) < 0) {
                aipm_buf_puts(out, "\xEF\xBF\xBD");
            } else {
                aipm_buf_put(out, s + i, adv);
            }
            i += adv;
            continue;
        }
        switch (c) {
        case '"':
            aipm_buf_puts(out, "\\\"");
            break;
        case '\\':
            aipm_buf_puts(out, "\\\\");
            break;
        case '\n':
            aipm_buf_puts(out, "\\n");
            break;
        case '\r':
            aipm_buf_puts(out, "\\r");
            break;
        case '\t':
            aipm_buf_puts(out, "\\t");
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                aipm_buf_printf(out, "\\u%04x", c);
            } else {
                aipm_buf_putc(out, c);
            }
        }
        i++;
    }
    aipm_buf_putc(out, '"');
}

void aipm_json_cstr(aipm_buf *out, const char *s) {
    aipm_json_str(out, s, s ? strlen(s) : 0);
}
