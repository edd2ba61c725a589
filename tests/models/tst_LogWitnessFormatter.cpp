#include "models/LogWitnessFormatter.h"

#include <QLocale>
#include <QSet>
#include <QTest>

using mandate::LogError;
using mandate::client::LogWitness;
using mandate::models::LogWitnessFormatter;
using State = LogWitness::Status::State;

// The witness in words: every refusal names its own check, and the status line says which of the
// situations a person must tell apart (verified, a changed history, a changed key, no answer) it is.
class TstLogWitnessFormatter : public QObject
{
    Q_OBJECT

private:
    static LogWitness::Status kept(State state)
    {
        LogWitness::Status status;
        status.state = state;
        status.treeSize = 1234;
        status.since = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        status.keptAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC);
        status.pinnedKey = QStringLiteral("log.example+01020304+AQ");
        status.origin = QStringLiteral("log.example");
        return status;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void everyLogErrorHasItsOwnWords()
    {
        QSet<QString> seen;
        for (int e = static_cast<int>(LogError::None); e <= static_cast<int>(LogError::MalformedReceipt);
             ++e) {
            const QString text = LogWitnessFormatter::errorText(static_cast<LogError>(e));
            QVERIFY(!text.isEmpty());
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
        }
    }

    void theStatusLineTellsTheSituationsApart()
    {
        QCOMPARE(
            LogWitnessFormatter::statusText(kept(State::Verified)),
            QStringLiteral("✔ Log verified: append-only since %1 (1,234 events)")
                .arg(QLocale().toString(kept(State::Verified).since.toLocalTime(), QLocale::ShortFormat)));

        LogWitness::Status changed = kept(State::Refused);
        changed.error = LogError::ConsistencyMismatch;
        QVERIFY(LogWitnessFormatter::statusText(changed).startsWith(
            QStringLiteral("✘ The server's audit history changed: the new checkpoint does not extend")));
        changed.error = LogError::TreeShrank;
        QVERIFY(LogWitnessFormatter::statusText(changed).contains(QStringLiteral("fewer events")));

        LogWitness::Status key = kept(State::Refused);
        key.keyChanged = true;
        key.error = LogError::NotSignedByKey;
        key.offeredKey = QStringLiteral("log.example+0a0b0c0d+AQ");
        const QString keyText = LogWitnessFormatter::statusText(key);
        QVERIFY(keyText.startsWith(QStringLiteral("✘ The server's log key changed")));
        QVERIFY(keyText.contains(key.offeredKey) && keyText.contains(key.pinnedKey));

        LogWitness::Status away = kept(State::Unreachable);
        away.problem = QStringLiteral("The server cannot be reached.");
        QVERIFY(
            LogWitnessFormatter::statusText(away).contains(QStringLiteral("Last verified: 1,234 events")));
        QVERIFY(LogWitnessFormatter::statusText(LogWitness::Status{}).isEmpty());
    }

    void proofsSayWhatWasProvenOrWhy()
    {
        LogWitness::InclusionCheck proof;
        proof.seq = 12;
        proof.leafIndex = 11;
        proof.treeSize = 1234;
        proof.pathLength = 11;
        QCOMPARE(LogWitnessFormatter::inclusionText(proof),
                 QStringLiteral(
                     "✔ Event 12 is in the log, exactly as shown: leaf 11 of the 1,234-event checkpoint "
                     "this console verified (audit path length 11)."));
        proof.error = LogError::InclusionMismatch;
        QCOMPARE(
            LogWitnessFormatter::inclusionText(proof),
            QStringLiteral(
                "✘ Event 12 is not proven: the inclusion proof does not lead to the checkpoint's root."));
        proof.error = LogError::None;
        proof.notYetInCheckpoint = true;
        QVERIFY(LogWitnessFormatter::inclusionText(proof).contains(QStringLiteral("try again in a second")));
    }
};

QTEST_GUILESS_MAIN(TstLogWitnessFormatter)
#include "tst_LogWitnessFormatter.moc"
