#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mandate::client {

// Who to sign in as on a demo server (GET /v1/demo): the people it seeded and their password.
struct DemoDirectory
{
    struct Person
    {
        QString username;
        QString displayName;
        QStringList roles;
    };

    QString password;
    QList<Person> people;

    bool isEmpty() const { return people.isEmpty(); }
};

} // namespace mandate::client
