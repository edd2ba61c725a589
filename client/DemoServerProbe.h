#pragma once

#include "client/DemoDirectory.h"
#include "client/MandateApi.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace mandate::client {

// Asks the server a person is about to sign in to whether it is a demo server, and whom it
// offers. Before sign-in there is no session to ask through, so this has a client of its own
// (no token): the session's client keeps its reachability for the server it is signed in to.
class DemoServerProbe : public QObject
{
    Q_OBJECT

public:
    explicit DemoServerProbe(QObject *parent = nullptr);
    ~DemoServerProbe() override;

    // Forgets the last answer and asks `server` (an address that is not http or https answers
    // empty at once). The answer to an earlier probe never arrives after this, so a hint for one
    // address is never shown for another.
    void probe(const QUrl &server);
    // Stops asking and forgets the server and its answer (answered() with an empty directory).
    void forget();
    // The server last asked (empty after forget()), and whether its answer is still to come.
    const QUrl &server() const;
    bool isAsking() const { return m_asking; }
    // The last answer: empty until one arrived, and for a server that is no demo server (404),
    // cannot be reached or answers something else.
    const DemoDirectory &directory() const { return m_directory; }

Q_SIGNALS:
    void answered(const mandate::client::DemoDirectory &directory);

private:
    void finish(const DemoDirectory &directory);

    std::unique_ptr<ApiClient> m_client; // behind a pointer: see ConsoleSession
    MandateApi m_api;
    Reply<DemoDirectory> m_reply;
    DemoDirectory m_directory;
    bool m_asking = false;
};

} // namespace mandate::client
