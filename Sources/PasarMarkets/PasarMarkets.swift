// Loading and validating market configuration files.
