#include "core/parsers/bench_log_parser.h"

#include "core/parsers/bench_result_checks.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace hpa::core {

namespace {

constexpr std::size_t kMaxErrors = 10;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = lower(c);
    return out;
}

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    return s;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

/// `[H:]MM:SS` as seconds; nullopt when `s` is not that.
std::optional<double> clockSeconds(std::string_view s)
{
    double total = 0;
    int parts = 0;
    while (!s.empty()) {
        std::size_t n = 0;
        double v = 0;
        while (n < s.size() && isDigit(s[n]) && n < 6)
            v = v * 10 + (s[n++] - '0');
        if (n == 0)
            return std::nullopt;
        total = total * 60 + v;
        ++parts;
        s.remove_prefix(n);
        if (s.empty())
            break;
        if (s.front() != ':' || parts == 3)
            return std::nullopt;
        s.remove_prefix(1);
    }
    return parts >= 2 ? std::optional<double>(total) : std::nullopt;
}

/// A tqdm frame at the start of a piece.
struct Frame
{
    bool main = false; ///< the main bar (`n/total [elapsed<...]`), else the ready check
    double elapsed = 0;
    long long done = 0, total = 0;
    std::size_t length = 0; ///< bytes of the piece the frame takes; 0 = no frame
};

/// `  5%|▌   | 900/18000 [00:45<14:15, 20.00it/s]` or ` |   | 00:06 elapsed, 1:02 remaining`.
Frame readFrame(std::string_view piece)
{
    Frame f;
    std::size_t i = 0;
    while (i < piece.size() && piece[i] == ' ')
        ++i;
    const std::size_t percentStart = i;
    while (i < piece.size() && isDigit(piece[i]))
        ++i;
    const bool percent = i > percentStart && i < piece.size() && piece[i] == '%';
    if (percent)
        ++i;
    if (i >= piece.size() || piece[i] != '|')
        return f;
    const std::size_t barEnd = piece.find('|', i + 1);
    if (barEnd == std::string_view::npos)
        return f;
    i = barEnd + 1;
    while (i < piece.size() && piece[i] == ' ')
        ++i;
    const std::string_view rest = piece.substr(i);
    if (const std::size_t open = rest.find(" ["); open != std::string_view::npos && open < 40) {
        const std::string_view counts = rest.substr(0, open);
        const std::size_t slash = counts.find('/');
        const std::size_t close = rest.find(']', open);
        const std::size_t lt = rest.find('<', open);
        if (slash == std::string_view::npos || close == std::string_view::npos ||
            lt == std::string_view::npos || lt > close)
            return f;
        // Digits read in place: a frame is parsed for every `\r`, no allocation per frame.
        const auto integer = [](std::string_view d) {
            long long v = 0;
            for (const char c : d.substr(0, 18))
                v = isDigit(c) ? v * 10 + (c - '0') : v;
            return v;
        };
        f.done = integer(counts.substr(0, slash));
        f.total = integer(counts.substr(slash + 1));
        const auto elapsed = clockSeconds(rest.substr(open + 2, lt - open - 2));
        if (!elapsed)
            return f;
        f.main = true;
        f.elapsed = *elapsed;
        f.length = i + close + 1;
        return f;
    }
    const std::size_t mark = rest.find(" elapsed");
    if (percent || mark == std::string_view::npos || mark > 12)
        return f;
    const auto elapsed = clockSeconds(rest.substr(0, mark));
    if (!elapsed)
        return f;
    f.elapsed = *elapsed;
    const std::size_t remaining = rest.find(" remaining", mark);
    f.length = i + (remaining == std::string_view::npos ? mark + 8 : remaining + 10);
    return f;
}

/// `MM-DD HH:MM:SS` at `s`.
std::optional<LogClockTime> readShortClock(std::string_view s)
{
    if (s.size() < 14 || s[2] != '-' || s[5] != ' ' || s[8] != ':' || s[11] != ':')
        return std::nullopt;
    for (int i : {0, 1, 3, 4, 6, 7, 9, 10, 12, 13})
        if (!isDigit(s[i]))
            return std::nullopt;
    const auto two = [&s](int at) {
        return (s[at] - '0') * 10 + (s[at + 1] - '0');
    };
    LogClockTime t;
    t.month = two(0);
    t.day = two(3);
    t.hour = two(6);
    t.minute = two(9);
    t.second = two(12);
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
        t.second > 60)
        return std::nullopt;
    return t;
}

/// The value token of a result line: a number, inf, nan or None.
bool isValueToken(std::string_view v)
{
    if (v == "inf" || v == "nan" || v == "None")
        return true;
    std::size_t i = 0;
    if (i < v.size() && v[i] == '-')
        ++i;
    const std::size_t digits = i;
    while (i < v.size() && isDigit(v[i]))
        ++i;
    if (i == digits)
        return false;
    if (i < v.size() && v[i] == '.') {
        const std::size_t frac = ++i;
        while (i < v.size() && isDigit(v[i]))
            ++i;
        if (i == frac)
            return false;
    }
    return i == v.size();
}

/// Runs of whitespace collapsed to one space.
std::string collapsed(std::string_view s)
{
    std::string out;
    bool gap = false;
    for (char c : s) {
        if (isSpace(c)) {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

/// Value of `key=` in a Namespace(...) line: `'quoted'` or up to the next `,` or `)`.
std::optional<std::string> namespaceValue(std::string_view text, std::string_view key)
{
    std::size_t from = 0;
    while (true) {
        const std::size_t at = text.find(key, from);
        if (at == std::string_view::npos)
            return std::nullopt;
        from = at + 1;
        const std::size_t eq = at + key.size();
        const char before = at ? text[at - 1] : ' ';
        if (eq >= text.size() || text[eq] != '=' ||
            std::isalnum(static_cast<unsigned char>(before)) || before == '_')
            continue;
        std::string_view v = text.substr(eq + 1);
        if (!v.empty() && (v.front() == '\'' || v.front() == '"')) {
            const std::size_t close = v.find(v.front(), 1);
            return std::string(
                v.substr(1, close == std::string_view::npos ? v.size() - 1 : close - 1));
        }
        const std::size_t end = v.find_first_of(",)");
        return std::string(trimRight(v.substr(0, end)));
    }
}

struct Scan
{
    BenchJob job;
    WarningList warnings;
    std::optional<BenchResult> block;
    bool inBlock = false;
    int blocks = 0;
    std::string section;
    std::optional<double> lastReady;
    std::optional<double> trafficRate;
    int trafficLine = 0;
    bool errorsFollow = false;
    bool failure = false;

    explicit Scan(const std::string &file, std::size_t limit) : warnings(file, limit) {}

    void piece(std::string_view text, int line);
    void text(std::string_view text, std::string_view low, int line);
    void blockLine(std::string_view text, std::string_view low, int line);
};

void Scan::piece(std::string_view p, int line)
{
    // A tqdm frame starts its piece (tqdm writes `\r` first); a print without its own newline
    // can follow it in the same piece, so the rest is read as text.
    while (true) {
        const Frame f = readFrame(p);
        if (!f.length)
            break;
        if (f.main) {
            job.barSeconds = f.elapsed;
            job.barDone = f.done;
            job.barTotal = f.total;
        } else {
            lastReady = f.elapsed;
        }
        p = trimLeft(p.substr(f.length));
        if (p.empty())
            return;
    }
    const std::string low = lowered(p);
    if (inBlock)
        blockLine(p, low, line);
    else
        text(p, low, line);
}

void Scan::text(std::string_view p, std::string_view low, int line)
{
    if (low.find("serving benchmark result") != std::string_view::npos &&
        low.find("===") != std::string_view::npos) {
        if (++blocks > 1 && block) {
            warnings.add(line, fmt::format("another result block (the pod restarted?); the one "
                                           "at line {} is replaced by this later one",
                                           block->line));
        }
        block = BenchResult{};
        block->line = line;
        inBlock = true;
        section.clear();
        return;
    }
    if (const std::size_t at = low.find("namespace("); at != std::string_view::npos) {
        // The last one wins: it belongs to the run of the last block.
        BenchConfig config;
        config.line = line;
        const std::string_view body = p.substr(at);
        for (std::string_view key : BenchConfig::keys()) {
            if (auto v = namespaceValue(body, key))
                config.fields.emplace_back(std::string(key), std::move(*v));
        }
        job.config = std::move(config);
        return;
    }
    if (low.find("initial test run completed") != std::string_view::npos)
        job.readyCheckSeconds = lastReady;
    if (const std::size_t at = low.find("traffic request rate:"); at != std::string_view::npos) {
        const std::string v(trimLeft(p.substr(at + 21)));
        char *end = nullptr;
        const double rate = std::strtod(v.c_str(), &end);
        if (end != v.c_str()) {
            trafficRate = rate;
            trafficLine = line;
        }
    }
    const bool traceback = low.find("traceback (most recent call last)") != std::string::npos;
    const bool failedStart = low.find("initial test run failed") != std::string::npos ||
                             low.find("readiness timed out") != std::string::npos;
    if (low.find("failed requests during benchmark run detected") != std::string::npos)
        errorsFollow = true;
    else if ((traceback || failedStart || (errorsFollow && low.rfind("error ", 0) == 0)) &&
             job.errors.size() < kMaxErrors)
        job.errors.push_back(WarningList::clip(std::string(p)));
    failure = failure || traceback || failedStart;
    if (!job.dated) {
        // `[2025-12-09 19:47:38] INFO main.py:47: ...`
        const std::size_t at = p.find('[');
        if (at != std::string_view::npos && p.size() >= at + 21 && p[at + 20] == ']' &&
            p[at + 5] == '-') {
            bool digits = true;
            for (int i : {1, 2, 3, 4})
                digits = digits && isDigit(p[at + i]);
            auto t = digits ? readShortClock(p.substr(at + 6, 14)) : std::nullopt;
            if (t) {
                t->year = std::atoi(std::string(p.substr(at + 1, 4)).c_str());
                t->line = line;
                job.dated = t;
            }
        }
    }
    if (!job.logger) {
        // `INFO 12-09 19:47:35 [importing.py:44] ...`
        const std::size_t space = p.find(' ');
        if (space != std::string_view::npos && space <= 8) {
            if (auto t = readShortClock(p.substr(space + 1))) {
                t->line = line;
                job.logger = t;
            }
        }
    }
}

void Scan::blockLine(std::string_view p, std::string_view low, int line)
{
    if (p.find_first_not_of('=') == std::string_view::npos) {
        block->complete = true;
        inBlock = false;
        return;
    }
    if (low.find("serving benchmark result") != std::string_view::npos) {
        text(p, low, line); // a new block: the pod restarted mid-block
        return;
    }
    if (p.size() > 2 && p.front() == '-' && p.back() == '-') {
        // `---Title---` names a section; a line of dashes only is a rule and names none.
        const std::size_t first = p.find_first_not_of('-');
        section = first == std::string_view::npos
                      ? std::string()
                      : std::string(trimLeft(trimRight(
                            p.substr(first, p.find_last_not_of('-') - first + 1))));
        return;
    }
    // `label:<spaces>value`: the value is the last token, the label ends at the last `:`
    // before it.
    const std::size_t gap = p.find_last_of(" \t");
    const std::string_view value = gap == std::string_view::npos ? p : p.substr(gap + 1);
    const std::string_view head =
        gap == std::string_view::npos ? std::string_view() : trimRight(p.substr(0, gap));
    if (head.empty() || head.back() != ':' || !isValueToken(value)) {
        warnings.add(line, fmt::format("not a result line inside the result block, skipped: "
                                       "\"{}\"",
                                       p));
        return;
    }
    BenchField f;
    f.label = collapsed(head);
    f.key = BenchResult::keyOf(f.label);
    f.section = section;
    f.text = std::string(value);
    f.line = line;
    if (value == "inf")
        f.value = HUGE_VAL;
    else if (value == "nan")
        f.value = std::nan("");
    else if (value != "None")
        f.value = std::strtod(f.text.c_str(), nullptr);
    for (BenchField &old : block->fields) {
        if (old.key == f.key) {
            warnings.add(line, fmt::format("\"{}\" appears twice in the block; the later value "
                                           "is used",
                                           f.label));
            old = std::move(f);
            return;
        }
    }
    block->fields.push_back(std::move(f));
}

} // namespace

std::pair<std::string, std::string> BenchLogParser::splitFileName(std::string_view fileName)
{
    if (const std::size_t slash = fileName.find_last_of('/'); slash != std::string_view::npos)
        fileName.remove_prefix(slash + 1);
    if (fileName.size() > 4 && fileName.substr(fileName.size() - 4) == ".log")
        fileName.remove_suffix(4);
    for (std::size_t at = fileName.find('_'); at != std::string_view::npos;
         at = fileName.find('_', at + 1)) {
        const std::string_view job = fileName.substr(0, at);
        const std::string_view pod = fileName.substr(at + 1);
        if (pod.size() > job.size() + 1 && pod.substr(0, job.size()) == job &&
            pod[job.size()] == '-')
            return {std::string(job), std::string(pod)};
    }
    if (const std::size_t at = fileName.rfind('_'); at != std::string_view::npos && at > 0)
        return {std::string(fileName.substr(0, at)), std::string(fileName.substr(at + 1))};
    return {std::string(fileName), std::string()};
}

BenchLogParser::Result BenchLogParser::parse(std::string_view content, const std::string &fileName,
                                             const Options &options)
{
    Scan scan(fileName, options.maxWarnings);
    scan.job.fileName = fileName;
    std::tie(scan.job.name, scan.job.pod) = splitFileName(fileName);

    // Pieces end at `\r` or `\n`; both are found with memchr, a few GB/s.
    const char *const begin = content.data();
    const char *const end = begin + content.size();
    const char *cr = nullptr, *nl = nullptr;
    const auto next = [end](const char *from, char c, const char *&at) {
        if (at == nullptr || at < from) {
            const void *found = from < end ? std::memchr(from, c, end - from) : nullptr;
            at = found ? static_cast<const char *>(found) : end;
        }
    };
    int line = 1;
    bool endsCut = false;
    for (const char *p = begin; p < end;) {
        next(p, '\r', cr);
        next(p, '\n', nl);
        const char *stop = cr < nl ? cr : nl;
        const std::string_view piece =
            trimRight(std::string_view(p, static_cast<std::size_t>(stop - p)));
        if (!piece.empty())
            scan.piece(piece, line);
        if (stop == end) {
            endsCut = !piece.empty();
            break;
        }
        if (*stop == '\n')
            ++line;
        p = stop + 1;
    }

    BenchJob &job = scan.job;
    if (scan.block) {
        BenchResult &b = *scan.block;
        if (!b.complete) {
            // The last line of a cut block may itself be cut (`P99 ITL (ms):   96.`): a
            // field read from a last line without its newline is not trusted.
            if (endsCut && !b.fields.empty() && b.fields.back().line == line) {
                scan.warnings.add(line, fmt::format("the log ends inside \"{}\"; that value "
                                                    "may be cut and is dropped",
                                                    b.fields.back().label));
                b.fields.pop_back();
            }
            scan.warnings.add(b.line, fmt::format("result block cut off after {} field(s): the "
                                                  "job is partial",
                                                  b.fields.size()));
        }
        job.outcome = b.complete ? BenchJob::Outcome::Complete : BenchJob::Outcome::Partial;
        job.result = std::move(b);
    } else if (job.barSeconds) {
        job.outcome = BenchJob::Outcome::KilledDuringRun;
        scan.warnings.add(0, fmt::format("no 'Serving Benchmark Result' block: killed during the "
                                         "run (the progress bar reached {}/{} after {} s)",
                                         *job.barDone, *job.barTotal, *job.barSeconds));
    } else if (scan.failure) {
        job.outcome = BenchJob::Outcome::FailedBeforeStart;
        scan.warnings.add(
            0, "no 'Serving Benchmark Result' block: the benchmark failed before "
               "its main run" +
                   (job.errors.empty() ? std::string() : " (" + job.errors.front() + ")"));
    } else {
        job.outcome = BenchJob::Outcome::NoResult;
        scan.warnings.add(0, "no 'Serving Benchmark Result' block and no main progress bar: "
                             "the job is without result (still running, or its log was cut)");
    }
    BenchResultChecks::run(job, scan.trafficRate, scan.trafficLine, scan.warnings);
    return {std::move(job), scan.warnings.take()};
}

} // namespace hpa::core
