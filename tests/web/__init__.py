"""Web tests: the wizard, bad input, fuzzing, security headers and the no-retention canary."""
