/*
 * xml: writing XML text and attribute values. Shared by the XML-based output
 * formats (junit, checkstyle).
 */
#ifndef AIPM_XML_H
#define AIPM_XML_H

#include <stddef.h>

#include "buf.h"

/**
 * Append 's' (NUL-terminated) to 'out' escaped for XML 1.0 text or a
 * double-quoted attribute: & < > " ' as entities, tab, newline and carriage
 * return as character references (so attributes keep them), other control
 * characters and invalid UTF-8 as U+FFFD (XML 1.0 cannot carry them). A NULL
 * 's' appends nothing.
 */
void aipm_xml_str(aipm_buf *out, const char *s);

#endif
