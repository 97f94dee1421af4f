/*
 * report/checkstyle: Checkstyle XML, read by Jenkins (warnings-ng), reviewdog
 * and many CI dashboards:
 *
 *   <checkstyle version="4.3">
 *     <file name="docs/a.md">
 *       <error line="3" column="12" severity="warning" message="..." source="vision.vague"/>
 *     </file>
 *   </checkstyle>
 *
 * Every linted file is listed, clean ones as an empty <file/>. Severities are
 * error, warning and info; columns count code points. All text is XML-escaped.
 */
#include "report/report.h"

#include "xml.h"

static void write_checkstyle(FILE *out, const aipm_file_result *files, size_t n,
                             const aipm_report_opts *opts) {
    (void)opts;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (size_t i = 0; i < n; i++) {
        const aipm_file_result *f = &files[i];
        if (!f->ok) {
            continue;
        }
        aipm_buf_puts(&b, "  <file name=\"");
        aipm_xml_str(&b, f->path);
        aipm_buf_puts(&b, f->diags.n ? "\">\n" : "\"/>\n");
        for (size_t k = 0; k < f->diags.n; k++) {
            const aipm_diag *d = &f->diags.items[k];
            aipm_buf_printf(&b, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"",
                            d->line, d->col, aipm_severity_name(d->severity));
            aipm_xml_str(&b, d->message);
            aipm_buf_puts(&b, "\" source=\"");
            aipm_xml_str(&b, d->rule);
            aipm_buf_puts(&b, "\"/>\n");
        }
        if (f->diags.n) {
            aipm_buf_puts(&b, "  </file>\n");
        }
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    aipm_buf_puts(&b, "</checkstyle>\n");
    fwrite(b.ptr, 1, b.len, out);
    aipm_buf_release(&b);
}

const aipm_reporter aipm_report_checkstyle = {"checkstyle", "Checkstyle XML", write_checkstyle,
                                              false};
