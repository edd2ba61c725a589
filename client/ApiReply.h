#pragma once

#include "client/ApiError.h"

#include <QObject>
#include <QPointer>

#include <any>
#include <utility>

namespace mandate::client {

class ApiJob;
struct ApiReplyAccess;

// One REST call whose answer MandateApi reads into a domain value before anyone else sees it, so
// nothing above client/ handles the wire JSON. An answer that does not read fails as a protocol
// error, the same way a refused call fails. The reply goes away with its job once it finished.
class ApiReply : public QObject
{
    Q_OBJECT

public:
    // Stops the call; neither succeeded nor failed is emitted afterwards.
    void abort();

    // The value read from the answer; only valid while succeeded() is being emitted.
    template <typename T>
    const T &value() const
    {
        return *std::any_cast<T>(&m_value);
    }

Q_SIGNALS:
    void succeeded();
    void failed(const mandate::client::ApiError &error);

private:
    friend struct ApiReplyAccess;
    explicit ApiReply(ApiJob *job);

    QPointer<ApiJob> m_job;
    std::any m_value;
};

// The typed handle MandateApi returns: whoever asked says what happens with the value of type T.
// Handlers run after the call returned, never synchronously, and not at all when `context` is
// gone or the call was aborted.
template <typename T>
class Reply
{
public:
    Reply() = default;
    explicit Reply(ApiReply *reply)
        : m_reply(reply)
    {}

    template <typename Done>
    const Reply &onSucceeded(const QObject *context, Done done) const
    {
        QObject::connect(m_reply, &ApiReply::succeeded, context,
                         [reply = m_reply.data(), done = std::move(done)] { done(reply->value<T>()); });
        return *this;
    }
    template <typename Failed>
    const Reply &onFailed(const QObject *context, Failed failed) const
    {
        QObject::connect(m_reply, &ApiReply::failed, context, std::move(failed));
        return *this;
    }

    void abort() const
    {
        if (m_reply)
            m_reply->abort();
    }
    bool isRunning() const { return !m_reply.isNull(); }
    ApiReply *get() const { return m_reply; }

private:
    QPointer<ApiReply> m_reply;
};

} // namespace mandate::client
