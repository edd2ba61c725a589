#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace mandate::server {

// The answers of one group commit, sent to their clients in one system call (io_uring). Written
// one at a time, each answer woke its client, which then took the CPU from the event loop before
// the next answer was out: two context switches per answer, on one CPU, while the other idled.
// Submitted together, the clients wake once all of them are on their way.
//
// While a batch is open, add() holds a connection's bytes; close() sends them, in the order they
// were added, and hands whatever a socket did not take at once (its buffer was full, it is gone)
// to the QTcpSocket, which writes or drops it as it would have. Bytes written to a socket any other
// way must first take() what the batch holds for it, so nothing overtakes an earlier answer. Plain
// TCP only: a QSslSocket's bytes must go through its encryption. Where io_uring is missing or
// refused (an old kernel, a seccomp profile, kernel.io_uring_disabled), close() writes each
// socket's bytes in turn, as without a batch. Event-loop thread only.
class SendBatch
{
public:
    enum class Submission
    {
        Ring,   // io_uring when the kernel offers it, else Writes
        Writes, // one write per socket
    };

    explicit SendBatch(Submission submission = Submission::Ring);
    ~SendBatch();
    SendBatch(const SendBatch &) = delete;
    SendBatch &operator=(const SendBatch &) = delete;

    void open();
    bool isOpen() const { return m_open; }
    // Sends what the batch holds and ends it.
    void close();

    // Holds `bytes` for `socket`, after what it already holds for it. False when the batch cannot
    // take them (it is not open, or the socket has bytes of its own still to write): write them
    // yourself.
    bool add(QTcpSocket *socket, const QByteArray &bytes);
    // What the batch holds for `socket`, no longer held.
    QByteArray take(const QTcpSocket *socket);

    // Whether close() submits through io_uring (false before the first close()).
    bool usesRing() const { return m_ring != nullptr; }

private:
    struct Held
    {
        QPointer<QTcpSocket> socket;
        QByteArray bytes;
    };
    class Ring;
    // What a socket took when the ring failed before reporting it.
    static constexpr qsizetype Unknown = -1;

    qsizetype find(const QTcpSocket *socket) const;
    void submit();
    static void handOver(QTcpSocket *socket, const QByteArray &bytes, qsizetype sent);

    Submission m_submission;
    bool m_open = false;
    bool m_ringTried = false;
    std::unique_ptr<Ring> m_ring;
    QList<Held> m_held;
    QHash<const QTcpSocket *, qsizetype> m_index; // socket → its place in m_held
};

} // namespace mandate::server
