#include "server/ssf/SignalOutbox.h"

#include "server/auth/SecureRandom.h"
#include "server/ssf/CaepEvents.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

QStringList SignalOutbox::eventsDelivered(const QJsonObject &config)
{
    const QStringList supported = CaepEvents::supported();
    if (!config.contains(u"events_requested"))
        return supported;
    QStringList delivered;
    for (const QJsonValue &requested : config.value(u"events_requested").toArray()) {
        // Types Mandate does not send are ignored, as SSF §8.1.1 requires.
        if (supported.contains(requested.toString()) && !delivered.contains(requested.toString()))
            delivered.append(requested.toString());
    }
    return delivered;
}

bool SignalOutbox::admits(const QList<SsfStreamRepository::Subject> &subjects, const QJsonObject &subject)
{
    bool removed = false;
    for (const auto &listed : subjects) {
        if (!CaepEvents::subjectsMatch(listed.subject, subject))
            continue;
        if (listed.included)
            return true;
        removed = true;
    }
    return !removed;
}

bool SignalOutbox::loadStreams()
{
    if (m_streams)
        return true;
    m_streams = m_store.ssfStreams().liveStreams();
    if (m_streams->isEmpty())
        return true;
    for (auto &subject : m_store.ssfStreams().allSubjects())
        m_subjects[subject.streamId].append(std::move(subject));
    return true;
}

bool SignalOutbox::enqueue(const QString &streamId, QStringView type, const QJsonObject &subject,
                           const QJsonObject &event, const QString &txn, bool control)
{
    SsfOutboxRepository::Entry entry;
    entry.streamId = streamId;
    entry.jti = SecureRandom::id(u"set_");
    entry.eventType = type.toString();
    entry.control = control;
    entry.queuedAt = m_clock.now();
    entry.claims = CaepEvents::claims(entry.jti, entry.queuedAt, txn, subject, type, event);
    if (!m_store.ssfOutbox().insert(entry))
        return false;
    m_store.noteSignalsQueued();
    return true;
}

bool SignalOutbox::fanOut(QStringView type, const QJsonObject &subject, const QJsonObject &event,
                          const QString &txn)
{
    for (const auto &stream : std::as_const(*m_streams)) {
        if (!eventsDelivered(stream.config).contains(type) || !admits(m_subjects.value(stream.id), subject))
            continue;
        if (!enqueue(stream.id, type, subject, event, txn, false))
            return false;
    }
    return true;
}

bool SignalOutbox::announce(const QString &delegationId, const SignalCause &cause)
{
    const auto fresh = m_store.ssfOutbox().markEnded(delegationId, cause.at);
    if (!fresh)
        return false;
    if (!*fresh)
        return true;
    const auto delegation = m_store.delegations().find(delegationId);
    if (!delegation)
        return false;
    if (!m_spiffeIds.contains(delegation->agentId)) {
        const auto agent = m_store.agents().find(delegation->agentId);
        if (!agent)
            return false;
        m_spiffeIds.insert(delegation->agentId, agent->spiffeId);
    }
    const QString spiffeId = m_spiffeIds.value(delegation->agentId);
    if (!fanOut(CaepEvents::SessionRevoked, CaepEvents::sessionSubject(spiffeId, delegationId),
                CaepEvents::sessionRevoked(cause), cause.txn))
        return false;
    for (const auto &credential : m_store.jitCredentials().liveOf(delegationId, m_clock.now())) {
        if (!fanOut(CaepEvents::CredentialChange,
                    CaepEvents::credentialSubject(spiffeId, delegationId, credential.issuer, credential.jti),
                    CaepEvents::credentialRevoked(cause), cause.txn))
            return false;
    }
    return m_store.jitCredentials().removeOf(delegationId);
}

bool SignalOutbox::sessionsEnded(const QStringList &delegationIds, const SignalCause &cause,
                                 bool withActiveDescendants)
{
    if (!loadStreams())
        return false;
    // With no stream to tell, there is nothing to remember either: a stream made later hears only
    // of what ends after it was made.
    if (m_streams->isEmpty())
        return true;
    for (const QString &id : delegationIds) {
        if (!announce(id, cause))
            return false;
        if (!withActiveDescendants)
            continue;
        const auto descendants = m_store.delegations().activeDescendantsOf(id);
        if (!descendants)
            return false;
        for (const QString &descendant : *descendants) {
            if (!announce(descendant, cause))
                return false;
        }
    }
    return true;
}

bool SignalOutbox::verification(const QString &streamId, const std::optional<QString> &state)
{
    return enqueue(streamId, CaepEvents::Verification, CaepEvents::streamSubject(streamId),
                   CaepEvents::verification(state), QString(), false);
}

bool SignalOutbox::streamUpdated(const QString &streamId, const QString &status, const QString &reason)
{
    return enqueue(streamId, CaepEvents::StreamUpdated, CaepEvents::streamSubject(streamId),
                   CaepEvents::streamUpdated(status, reason), QString(), true);
}

} // namespace mandate::server
