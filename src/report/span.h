/*
 * report/span: what several output formats derive from a finding and its
 * file's source: byte columns (rdjson), stable fingerprints (SARIF, GitLab),
 * repo-relative URIs (SARIF) and the severity order GitHub needs.
 */
#ifndef AIPM_REPORT_SPAN_H
#define AIPM_REPORT_SPAN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lint.h"

/* The project home, for rule documentation links in SARIF and rdjson. */
#define AIPM_REPORT_HOME "https://github.com/aipm-lint/aipm-lint"

/**
 * Return the 1-based column of the start (or, with 'end', the exclusive end)
 * of finding 'd' in UTF-8 bytes. Needs f->src; without it (or with offsets
 * that do not fit the source) return the code-point column.
 */
uint32_t aipm_span_byte_col(const aipm_file_result *f, const aipm_diag *d, bool end);

/**
 * Return the fingerprints of every finding of 'f', in order (f->diags.n of
 * them; the caller frees the array). Each hashes the path, the rule, the text
 * of the finding's line and span, and how many earlier findings of 'f' share
 * all of these: it stays the same when unrelated lines are added or removed
 * elsewhere, and differs between any two findings of one run. Without f->src
 * the message stands in for the text.
 */
uint64_t *aipm_span_fingerprints(const aipm_file_result *f);

/** Append 'fp' to 'out' as 16 hex digits. */
void aipm_span_put_fingerprint(aipm_buf *out, uint64_t fp);

/**
 * Append 'path' to 'out' as a URI reference: relative paths (a leading "./"
 * dropped) stay relative, absolute ones become file:// URIs; every byte but
 * the RFC 3986 unreserved characters and '/' is percent-encoded.
 */
void aipm_span_uri(aipm_buf *out, const char *path);

#endif
