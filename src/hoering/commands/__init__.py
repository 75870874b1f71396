"""The commands of ``hoering``, one module each: what the command line calls, and what
writes a project's files. Importing this package costs nothing: each module imports the
library it needs when it runs."""
