#pragma once

// Whole-file helpers for the tests: read a fixture or an output, write a fixture. One copy
// for every test; Qt and std paths alike.

#include <QByteArray>
#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtGlobal>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace hpa::test {

/// The bytes of `path`; empty when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The bytes of `path`; empty when it cannot be read.
inline std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string readFile(const QString &path)
{
    return readFile(std::filesystem::path(path.toStdString()));
}

/// The lines of `path`, each without its `\n`.
inline std::vector<std::string> fileLines(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

/// Writes `content` to `path` (replacing it), making its folder first. False when it cannot.
[[nodiscard]] inline bool writeFile(const std::filesystem::path &path, std::string_view content)
{
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return static_cast<bool>(out.flush());
}

[[nodiscard]] inline bool writeFile(const QString &path, QByteArrayView content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(content.data(), content.size()) == content.size();
}

/// writeFile, or the test stops here: with a fixture that could not be written, every check
/// after it would be meaningless.
inline void writeFileOrFail(const std::filesystem::path &path, std::string_view content)
{
    if (!writeFile(path, content))
        qFatal("cannot write %s", path.c_str());
}

inline void writeFileOrFail(const QString &path, QByteArrayView content)
{
    if (!writeFile(path, content))
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace hpa::test
