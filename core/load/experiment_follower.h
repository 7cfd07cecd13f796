#pragma once

#include "core/io/followed_file.h"
#include "core/load/experiment_loader.h"
#include "core/load/scaling_event_loader.h"
#include "core/model/experiment.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/scaling_events_log_parser.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hpa::core {

/// Follows an experiment folder while its monitor is still writing it: metrics.csv and
/// scaling-events.log are read incrementally (only the bytes appended since the last poll, in
/// whole lines; a partial last line waits for its line break), and the experiment it gives
/// equals at every step what ExperimentLoader::load reads from the same complete lines
/// (samples, events, warnings and so everything computed from them).
///
/// A followed file that was truncated, replaced (new inode) or rewritten in the part already
/// read (FollowedFile compares its first and last read bytes) makes the follower read the
/// folder again from scratch and say why (Update::warning). Rows appended out of time order
/// also make it parse metrics.csv again, as a whole parse sorts them. scaling.log (older
/// layout: multi-line blocks), metadata.json and the other files are small and read whole
/// when they change.
///
/// Not thread-safe; meant to be polled from one worker thread. experiment() is an immutable
/// snapshot that any thread may keep.
class ExperimentFollower
{
public:
    struct Update
    {
        enum class Kind
        {
            None,     ///< nothing new
            Appended, ///< rows or events were added at the end; nothing before them changed
            Changed,  ///< appended, but a unit rule read from the whole column changed too,
                      ///< so earlier rows' values changed
            Reloaded  ///< read again from scratch (see warning)
        };
        Kind kind = Kind::None;
        std::size_t rowsBefore = 0; ///< rows of the previous snapshot
        std::size_t rowsAdded = 0;
        std::size_t eventsAdded = 0;
        std::string warning; ///< why the folder was read again, when it was (Reloaded)
    };

    /// Reads `dir` (a monitor folder with metrics.csv) and starts following it. Throws
    /// LoadError as ExperimentLoader::load does (no such folder, no metrics.csv, no time
    /// column); a WVA run cannot be followed (LoadError).
    explicit ExperimentFollower(const std::string &dir,
                                const ExperimentLoader::Options &options = {});

    /// Reads what the folder's files gained since the last poll and rebuilds the snapshot.
    Update poll();

    /// The experiment as of the last poll.
    std::shared_ptr<const Experiment> experiment() const { return m_experiment; }

    /// Bytes of metrics.csv read so far (whole lines).
    std::uint64_t metricsBytes() const { return m_metricsFile.consumed(); }

private:
    void readAll();
    void readMetrics();
    void readNewerLog();
    void readOlderLog();
    void readMetadata();
    void readSurroundings();
    bool appendMetrics(const std::string &bytes);
    void appendNewerLog(const std::string &bytes);
    /// A fingerprint (names, sizes, times) of the files read whole around the samples.
    std::string surroundingsStamp() const;
    /// A new snapshot; `previous` is the last one when its rows are the first rows of this one
    /// (its converted columns are then extended, not made again).
    void rebuild(const Experiment *previous = nullptr);

    std::string m_dir;
    std::string m_name;
    ExperimentLoader::Options m_options;

    FollowedFile m_metricsFile;
    MetricsTable m_rows; ///< rows as parsed, in file order (which is time order)
    MetricsCsvParser::Continuation m_metricsState;
    Layout m_layout = Layout::Custom;

    FollowedFile m_newerLog; ///< scaling-events.log
    ScalingEventsLogParser::Cursor m_newerCursor;
    ScalingEventsLogParser::Result m_newer;
    FollowedFile m_olderLog; ///< scaling.log
    ScalingEventLoader::Result m_older;

    FollowedFile m_metadataFile;
    ExperimentMetadata m_metadata;
    std::vector<LoadWarning> m_metadataWarnings;

    std::string m_surroundingsStamp;
    Experiment m_surroundings; ///< kubectl logs, documents, jobs, schedule and their warnings

    std::shared_ptr<const Experiment> m_experiment;
};

} // namespace hpa::core
