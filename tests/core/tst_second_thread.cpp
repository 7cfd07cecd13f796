#include "core/model/second_thread.h"

#include <QTest>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using hpa::core::SecondThread;

class TestSecondThread : public QObject
{
    Q_OBJECT

private slots:
    void everyTaskRunsOnce_data();
    void everyTaskRunsOnce();
    void aThrowingTaskThrowsHere();
};

void TestSecondThread::everyTaskRunsOnce_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<bool>("wanted");
    QTest::newRow("none") << 0 << true;
    QTest::newRow("one, two threads wanted") << 1 << true;
    QTest::newRow("many, two threads") << 1000 << true;
    QTest::newRow("many, this thread alone") << 1000 << false;
}

void TestSecondThread::everyTaskRunsOnce()
{
    QFETCH(int, tasks);
    QFETCH(bool, wanted);
    std::vector<std::atomic<int>> runs(static_cast<std::size_t>(tasks));
    std::vector<std::thread::id> by(static_cast<std::size_t>(tasks));
    std::atomic<std::size_t> next{0};
    SecondThread::share(
        [&] {
            for (std::size_t t; (t = next.fetch_add(1)) < runs.size();) {
                runs[t].fetch_add(1);
                by[t] = std::this_thread::get_id();
            }
        },
        wanted);
    for (const std::atomic<int> &r : runs)
        QCOMPARE(r.load(), 1);
    // Without a second thread wanted, this thread did every task.
    if (!wanted) {
        const std::set<std::thread::id> threads(by.begin(), by.end());
        QCOMPARE(threads, std::set<std::thread::id>{std::this_thread::get_id()});
    }
}

void TestSecondThread::aThrowingTaskThrowsHere()
{
    // Both threads throw (or only this one, when no second thread could be had): one of the
    // exceptions reaches the caller, after the second thread has finished.
    std::atomic<int> calls{0};
    const auto failing = [&calls] {
        calls.fetch_add(1);
        throw std::runtime_error("task");
    };
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, SecondThread::share(failing, true));
    QVERIFY(calls.load() >= 1);
}

QTEST_APPLESS_MAIN(TestSecondThread)
#include "tst_second_thread.moc"
