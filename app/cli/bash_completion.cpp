#include "app/cli/bash_completion.h"

#include "app/cli/command_usage.h"

#include <map>
#include <string_view>

namespace hpa::app {

namespace {

/// What follows an option: a fixed set, a folder, a file, or nothing to complete (numbers).
std::string valueCompletion(const OptionUsage &o)
{
    if (!o.choices.empty())
        return "COMPREPLY=($(compgen -W \"" + std::string(o.choices) + "\" -- \"$cur\"))";
    if (o.value.find("DIR") != std::string_view::npos)
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    if (o.value.find("FILE") != std::string_view::npos)
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    return "COMPREPLY=()";
}

std::string optionWords(const CommandUsage &c)
{
    std::string words;
    for (const auto &o : c.options)
        words.append(o.flag).append(" ");
    return words + (c.name.empty() ? "--help --version" : "--help");
}

} // namespace

std::string BashCompletion::render()
{
    std::string commands, pattern; // "summary compare", "summary|compare"
    for (const auto &c : CommandUsage::all()) {
        if (c.name.empty())
            continue;
        commands.append(commands.empty() ? "" : " ").append(c.name);
        pattern.append(pattern.empty() ? "" : "|").append(c.name);
    }
    // An option's value completes the same way for every command that takes it.
    std::map<std::string_view, std::string> values;
    for (const auto &c : CommandUsage::all())
        for (const auto &o : c.options)
            if (!o.value.empty())
                values.emplace(o.flag, valueCompletion(o));

    std::string s = "# bash completion for hpa-lens " HPA_LENS_VERSION
                    " (written from its command table; do not edit)\n"
                    "_hpa_lens()\n{\n"
                    "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\"\" command=\"\" options\n"
                    "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
                    "    case ${COMP_WORDS[1]-} in\n"
                    "        " +
                    pattern +
                    ") ((COMP_CWORD > 1)) && command=${COMP_WORDS[1]} ;;\n"
                    "    esac\n"
                    "    case $prev in\n";
    for (const auto &[flag, action] : values)
        s += "        " + std::string(flag) + ")\n            " + action +
             "\n            return ;;\n";
    s += "    esac\n"
         "    case $command in\n";
    for (const auto &c : CommandUsage::all())
        if (!c.name.empty())
            s += "        " + std::string(c.name) + ") options=\"" + optionWords(c) + "\" ;;\n";
    s += "        *) options=\"" + optionWords(*CommandUsage::find("")) + "\" ;;\n";
    s += "    esac\n"
         "    if [[ $cur == -* ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
         "    elif [[ -z $command && $COMP_CWORD -eq 1 ]]; then\n"
         "        compopt -o filenames 2>/dev/null\n"
         "        COMPREPLY=($(compgen -W \"" +
         commands +
         "\" -- \"$cur\") $(compgen -d -- \"$cur\"))\n"
         "    else\n"
         "        compopt -o filenames 2>/dev/null\n"
         "        COMPREPLY=($(compgen -d -- \"$cur\"))\n"
         "    fi\n"
         "}\n"
         "complete -F _hpa_lens hpa-lens\n";
    return s;
}

} // namespace hpa::app
