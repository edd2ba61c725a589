#pragma once

#include <QString>

namespace mandate::server {

// An SQLite VFS over the default one that hands each commit's WAL frames to the kernel in one
// write instead of two per frame (a header and a page: ~50 pwrite calls for a decision batch).
// Contiguous writes to a WAL file are gathered in memory and written before anything that could
// look at them: the sync that makes a commit durable, a read, a size or truncate, closing, and the
// memory barrier SQLite raises just before it publishes new frames to other connections. So
// what reaches the disk, and when a commit counts as durable, is exactly as without it.
// Every other file, and every other call, goes straight to the default VFS.
class CoalescingWalVfs
{
public:
    // The VFS's name for a connection's URI (`?vfs=`), registered on first use; empty when SQLite
    // refused it (the caller then opens with the default VFS).
    static QString name();
};

} // namespace mandate::server
