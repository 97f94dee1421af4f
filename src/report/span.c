/*
 * report/span: byte columns, fingerprints and URIs for the output formats.
 *
 * Byte columns come from the finding's source offsets ('start', 'end') and
 * the line start found by scanning back to the previous line break, so
 * "héllo" with a finding on "llo" has code-point column 3 and byte column 4.
 *
 * A fingerprint hashes (FNV-1a, 64 bits) what identifies the finding without
 * its line number: path, rule id, the whitespace-trimmed text of its first
 * line and the text of its span, plus an occurrence count among earlier
 * findings with the same hash, so two identical findings still differ.
 */
#include "report/span.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "mem.h"

static bool has_offsets(const aipm_file_result *f, const aipm_diag *d) {
    return f->src && d->start <= d->end && d->end <= f->src_len;
}

static size_t line_start(const char *src, size_t off) {
    while (off > 0 && src[off - 1] != '\n' && src[off - 1] != '\r') {
        off--;
    }
    return off;
}

uint32_t aipm_span_byte_col(const aipm_file_result *f, const aipm_diag *d, bool end) {
    if (!has_offsets(f, d)) {
        return end ? d->end_col : d->col;
    }
    size_t off = end ? d->end : d->start;
    return (uint32_t)(off - line_start(f->src, off) + 1);
}

#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

static uint64_t fnv(uint64_t h, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    }
    return h;
}

static uint64_t base_hash(const aipm_file_result *f, const aipm_diag *d) {
    uint64_t h = FNV_OFFSET;
    h = fnv(h, f->path, strlen(f->path) + 1);
    h = fnv(h, d->rule, strlen(d->rule) + 1);
    if (!has_offsets(f, d)) {
        return fnv(h, d->message, strlen(d->message) + 1);
    }
    size_t s = line_start(f->src, d->start), e = d->start;
    while (e < f->src_len && f->src[e] != '\n' && f->src[e] != '\r') {
        e++;
    }
    while (s < e && aipm_ascii_is_space((unsigned char)f->src[s])) {
        s++;
    }
    while (e > s && aipm_ascii_is_space((unsigned char)f->src[e - 1])) {
        e--;
    }
    h = fnv(h, f->src + s, e - s);
    h = fnv(h, "\n", 1);
    return fnv(h, f->src + d->start, d->end - d->start);
}

uint64_t *aipm_span_fingerprints(const aipm_file_result *f) {
    size_t n = f->diags.n;
    uint64_t *base = aipm_xcalloc(n + 1, sizeof(*base));
    uint64_t *out = aipm_xcalloc(n + 1, sizeof(*out));
    for (size_t k = 0; k < n; k++) {
        base[k] = base_hash(f, &f->diags.items[k]);
        unsigned long long seen = 0;
        for (size_t i = 0; i < k; i++) {
            seen += base[i] == base[k];
        }
        char num[24];
        int len = snprintf(num, sizeof(num), "#%llu", seen);
        out[k] = fnv(base[k], num, (size_t)len);
    }
    free(base);
    return out;
}

void aipm_span_put_fingerprint(aipm_buf *out, uint64_t fp) {
    aipm_buf_printf(out, "%016llx", (unsigned long long)fp);
}

void aipm_span_uri(aipm_buf *out, const char *path) {
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
    }
    if (path[0] == '/') {
        aipm_buf_puts(out, "file://");
    }
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (aipm_ascii_is_alnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~' ||
            *p == '/') {
            aipm_buf_putc(out, *p);
        } else {
            aipm_buf_printf(out, "%%%02X", *p);
        }
    }
}
