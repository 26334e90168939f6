"""Trainer mode: fictional personas that open the wizard pre-filled, specimen output, and
the rights explained page by page (and as printable handouts)."""
