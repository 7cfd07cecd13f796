// Build-time tool: writes the man page and the bash completion from the command table, so they
// always list what `hpa-lens COMMAND --help` lists.
#include "app/cli/bash_completion.h"
#include "app/cli/man_page.h"

#include <fstream>
#include <iostream>
#include <string>

namespace {

bool write(const char *path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "hpa-lens-docs: cannot write " << path << '\n';
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::cerr << "usage: hpa-lens-docs MAN_PAGE BASH_COMPLETION\n";
        return 2;
    }
    const bool ok = write(argv[1], hpa::app::ManPage::render()) &&
                    write(argv[2], hpa::app::BashCompletion::render());
    return ok ? 0 : 1;
}
