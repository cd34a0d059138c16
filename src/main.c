/* main.c — the nd command line.  Today it answers --version and --help; the
 * language issue grows it into the script runner and REPL. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "nd.h"

static const char usage_text[] =
    "Usage: nd [OPTION]... [FILE [ARG]...]\n"
    "nd, an array language for numerical computing.\n"
    "\n"
    "  -e CODE        run CODE, echoing the value of each expression\n"
    "  -i FILE        run FILE, then enter the interactive session\n"
    "  -q             do not print the banner\n"
    "      --help     display this help and exit\n"
    "      --version  output version information and exit\n"
    "\n"
    "With no FILE, nd starts an interactive session when standard input is a\n"
    "terminal, and otherwise runs the program read from standard input.\n"
    "\n"
    "Report bugs to: " PACKAGE_BUGREPORT "\n";

static const char version_text[] =
    "nd " PACKAGE_VERSION "\n"
    "Copyright (C) 2026 the nd authors.\n"
    "License GPLv3+: GNU GPL version 3 or later "
    "<https://gnu.org/licenses/gpl.html>.\n"
    "This is free software: you are free to change and redistribute it.\n"
    "There is NO WARRANTY, to the extent permitted by law.\n";

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 ? 0 : 1;
        }
        if (strcmp(argv[i], "--version") == 0) {
            fputs(version_text, stdout);
            return fflush(stdout) == 0 ? 0 : 1;
        }
    }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || strcmp(arg, "-") == 0)
            break;
        if (strcmp(arg, "-e") && strcmp(arg, "-i") && strcmp(arg, "-q")) {
            fprintf(stderr,
                    "nd: unrecognized option '%s'\n"
                    "Try 'nd --help' for more information.\n",
                    arg);
            return 2;
        }
    }
    /* The evaluator arrives with the language issue; until then running a
     * program is refused as plainly as an unknown option. */
    fprintf(stderr, "nd: this build has no language yet; only --help and "
                    "--version work\n"
                    "Try 'nd --help' for more information.\n");
    return 2;
}
