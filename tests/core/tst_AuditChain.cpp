#include "core/AuditChain.h"
#include "core/AuditEventCodec.h"
#include "core/CanonicalJson.h"
#include "tests/support/AuditEventSamples.h"

#include <QTest>

#include <functional>

using namespace mandate;
using namespace mandate::test;

namespace {

constexpr int kChainLength = 50;

using Tamper = std::function<void(AuditEvent &)>;

QString flippedFirstDigit(const QString &hash)
{
    QString result = hash;
    result[0] = result.at(0) == u'0' ? u'1' : u'0';
    return result;
}

AuditEvent::ActorKind nextKind(AuditEvent::ActorKind kind)
{
    switch (kind) {
    case AuditEvent::ActorKind::User:
        return AuditEvent::ActorKind::Agent;
    case AuditEvent::ActorKind::Agent:
        return AuditEvent::ActorKind::System;
    case AuditEvent::ActorKind::System:
        return AuditEvent::ActorKind::User;
    }
    Q_UNREACHABLE();
    return kind;
}

// One way to alter each field of a stored event, as someone editing the log would.
QList<QPair<QString, Tamper>> tampers()
{
    return {
        {QStringLiteral("seq"),
         [](AuditEvent &e) {
             e.seq += 1000;
         }},
        {QStringLiteral("at"),
         [](AuditEvent &e) {
             e.at = e.at.addMSecs(1);
         }},
        {QStringLiteral("type"),
         [](AuditEvent &e) {
             e.type = QStringLiteral("delegation.revoked");
         }},
        {QStringLiteral("actor.kind"),
         [](AuditEvent &e) {
             e.actorKind = nextKind(e.actorKind);
         }},
        {QStringLiteral("actor.id"),
         [](AuditEvent &e) {
             e.actorId += u'x';
         }},
        {QStringLiteral("delegation_id"),
         [](AuditEvent &e) {
             e.delegationId = e.delegationId ? std::nullopt : std::optional<QString>(QStringLiteral("dlg_x"));
         }},
        {QStringLiteral("chain"),
         [](AuditEvent &e) {
             e.chain.last().name += u'!';
         }},
        {QStringLiteral("data"),
         [](AuditEvent &e) {
             e.data.insert(QStringLiteral("n"), -1);
         }},
        {QStringLiteral("prev_hash"),
         [](AuditEvent &e) {
             e.prevHash = flippedFirstDigit(e.prevHash);
         }},
        {QStringLiteral("hash"),
         [](AuditEvent &e) {
             e.hash = flippedFirstDigit(e.hash);
         }},
    };
}

} // namespace

Q_DECLARE_METATYPE(QList<mandate::AuditEvent>)

class TstAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void genesisIsSixtyFourZeros();
    void hashIsPinned();
    void intactChainVerifies();
    void emptyChainVerifies();
    void firstEventMayStartAboveOne();
    void sealToJsonMatchesSeal();
    void firstEventNeedsPositiveSeq();
    void tamperedEvent_data();
    void tamperedEvent();
    void deletedEvent_data();
    void deletedEvent();
    void truncatedTailShowsOnlyInTheCount();
    void reorderedEvents_data();
    void reorderedEvents();
    void replayedEvent();
    void resealedEventBreaksTheNextLink();
    void verifierStreamsAndKeepsCounting();
    void theCanonicalSealEqualsTheJsonSeal();
};

void TstAuditChain::genesisIsSixtyFourZeros()
{
    QCOMPARE(AuditChain::genesisHash(), QString(64, u'0'));
}

void TstAuditChain::hashIsPinned()
{
    // SHA-256 over "000…0" followed by the event's canonical JSON, computed independently of Qt.
    // A change here breaks every stored chain, so it must be deliberate.
    QCOMPARE(AuditEventSamples::decision().hash,
             QStringLiteral("19d13d5bb697d0cfd5aa854206da98948dfe372fd8c729b041fd0eeab8be8bb1"));
}

void TstAuditChain::intactChainVerifies()
{
    const QList<AuditEvent> events = AuditEventSamples::chain(kChainLength);
    QCOMPARE(events.constFirst().prevHash, AuditChain::genesisHash());
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(result.ok);
    QCOMPARE(result.events, kChainLength);
    QCOMPARE(result.firstBadSeq, std::nullopt);
}

void TstAuditChain::emptyChainVerifies()
{
    const AuditChain::Verification result = AuditChain::verify({});
    QVERIFY(result.ok);
    QCOMPARE(result.events, 0);
    QCOMPARE(result.firstBadSeq, std::nullopt);
}

void TstAuditChain::firstEventMayStartAboveOne()
{
    AuditEvent event = AuditEventSamples::decision();
    event.seq = 41;
    const AuditEvent first = AuditChain::seal(event, AuditChain::genesisHash());
    event.seq = 42;
    const AuditEvent second = AuditChain::seal(event, first.hash);
    QVERIFY(AuditChain::verify({first, second}).ok);
}

void TstAuditChain::sealToJsonMatchesSeal()
{
    const AuditEvent first = AuditChain::seal(AuditEventSamples::decision(), AuditChain::genesisHash());
    AuditEvent second = AuditEventSamples::decision();
    second.seq = first.seq + 1;
    const AuditEvent sealed = AuditChain::seal(second, first.hash);
    const QJsonObject json = AuditChain::sealToJson(second, first.hash);
    QCOMPARE(second.prevHash, sealed.prevHash);
    QCOMPARE(second.hash, sealed.hash);
    QCOMPARE(json, AuditEventCodec::toJson(sealed));
    QVERIFY(AuditChain::verify({first, second}).ok);
}

void TstAuditChain::firstEventNeedsPositiveSeq()
{
    AuditEvent event = AuditEventSamples::decision();
    event.seq = 0;
    const AuditChain::Verification result =
        AuditChain::verify({AuditChain::seal(event, AuditChain::genesisHash())});
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(0));
}

void TstAuditChain::tamperedEvent_data()
{
    QTest::addColumn<QList<AuditEvent>>("events");
    QTest::addColumn<qint64>("firstBadSeq");

    const QList<AuditEvent> chain = AuditEventSamples::chain(kChainLength);
    for (const auto &[field, tamper] : tampers()) {
        for (qsizetype i = 0; i < chain.size(); ++i) {
            QList<AuditEvent> events = chain;
            tamper(events[i]);
            // A changed seq on the first event is the only name that event still has.
            const qint64 expected = (i == 0 && field == u"seq") ? events.at(0).seq : chain.at(i).seq;
            QTest::addRow("%s of seq %lld", qPrintable(field), chain.at(i).seq) << events << expected;
        }
    }
}

void TstAuditChain::tamperedEvent()
{
    QFETCH(QList<AuditEvent>, events);
    QFETCH(qint64, firstBadSeq);
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(firstBadSeq));
    QCOMPARE(result.events, kChainLength);
}

void TstAuditChain::deletedEvent_data()
{
    QTest::addColumn<QList<AuditEvent>>("events");
    QTest::addColumn<qint64>("firstBadSeq");

    const QList<AuditEvent> chain = AuditEventSamples::chain(kChainLength);
    for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
        QList<AuditEvent> events = chain;
        events.removeAt(i);
        // Without seq 1 the chain starts at seq 2, whose prev_hash is not the genesis hash.
        const qint64 expected = i == 0 ? chain.at(1).seq : chain.at(i).seq;
        QTest::addRow("seq %lld", chain.at(i).seq) << events << expected;
    }
}

void TstAuditChain::deletedEvent()
{
    QFETCH(QList<AuditEvent>, events);
    QFETCH(qint64, firstBadSeq);
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(firstBadSeq));
}

void TstAuditChain::truncatedTailShowsOnlyInTheCount()
{
    // The chain proves each event's past, not its future: cutting the newest events leaves a valid
    // chain, and only the event count (compared with what was published) reveals it.
    QList<AuditEvent> events = AuditEventSamples::chain(kChainLength);
    events.removeLast();
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(result.ok);
    QCOMPARE(result.events, kChainLength - 1);
}

void TstAuditChain::reorderedEvents_data()
{
    QTest::addColumn<QList<AuditEvent>>("events");
    QTest::addColumn<qint64>("firstBadSeq");

    const QList<AuditEvent> chain = AuditEventSamples::chain(kChainLength);
    for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
        QList<AuditEvent> events = chain;
        events.swapItemsAt(i, i + 1);
        const qint64 expected = i == 0 ? chain.at(1).seq : chain.at(i).seq;
        QTest::addRow("seq %lld and %lld", chain.at(i).seq, chain.at(i + 1).seq) << events << expected;
    }
}

void TstAuditChain::reorderedEvents()
{
    QFETCH(QList<AuditEvent>, events);
    QFETCH(qint64, firstBadSeq);
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(firstBadSeq));
}

void TstAuditChain::replayedEvent()
{
    QList<AuditEvent> events = AuditEventSamples::chain(kChainLength);
    events.insert(20, events.at(19));
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(21));
    QCOMPARE(result.events, kChainLength + 1);
}

void TstAuditChain::resealedEventBreaksTheNextLink()
{
    // Someone who edits event 20 and recomputes its hash still breaks event 21's prev_hash.
    QList<AuditEvent> events = AuditEventSamples::chain(kChainLength);
    AuditEvent &edited = events[19];
    edited.data.insert(QStringLiteral("n"), -1);
    edited = AuditChain::seal(edited, edited.prevHash);
    const AuditChain::Verification result = AuditChain::verify(events);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(21));
}

void TstAuditChain::verifierStreamsAndKeepsCounting()
{
    QList<AuditEvent> events = AuditEventSamples::chain(kChainLength);
    events[9].type = QStringLiteral("delegation.revoked");

    AuditChain::Verifier verifier;
    for (qsizetype page = 0; page < events.size(); page += 7) {
        for (const AuditEvent &event : events.mid(page, 7)) {
            QCOMPARE(verifier.add(event), event.seq < 10);
        }
    }
    const AuditChain::Verification result = verifier.result();
    QVERIFY(!result.ok);
    QCOMPARE(result.events, kChainLength);
    QCOMPARE(result.firstBadSeq, std::optional<qint64>(10));
}

// The sequencer's byte splice and the JSON seal give the same event, hash and leaf hash.
void TstAuditChain::theCanonicalSealEqualsTheJsonSeal()
{
    QString previous = AuditChain::genesisHash();
    for (const AuditEvent &event : AuditEventSamples::chain(60)) {
        QJsonObject json = AuditEventCodec::toJson(event, false);
        json.remove(QStringLiteral("seq"));
        json.remove(QStringLiteral("prev_hash"));
        const AuditChain::Sealed byJson = AuditChain::sealJson(json, event.seq, previous);
        AuditChain::Sealed byBytes;
        const std::optional<QByteArray> text =
            AuditChain::sealCanonical(AuditChain::recordedForm(event), event.seq, previous, &byBytes);
        QVERIFY(text);
        QCOMPARE(byBytes.hash, byJson.hash);
        QCOMPARE(byBytes.leafHash.toHex(), byJson.leafHash.toHex());
        QCOMPARE(*text, CanonicalJson::serialize(json));
        previous = byBytes.hash;
    }
    AuditChain::Sealed unused;
    QVERIFY(!AuditChain::sealCanonical("{\"actor\":1}", 1, previous, &unused));
}

QTEST_APPLESS_MAIN(TstAuditChain)
#include "tst_AuditChain.moc"
