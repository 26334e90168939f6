"""Letters: the renderer-neutral model, the block markup and composition from a Case."""
