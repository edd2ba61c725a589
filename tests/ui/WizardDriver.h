#pragma once

#include "ui/wizard/GrantWizard.h"
#include "ui/wizard/MoneyEdit.h"

#include <QAbstractButton>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBrowser>

namespace mandate::test {

// Drives a GrantWizard through its widgets as a person would: clicks, typing and the wizard's
// buttons. With MANDATE_SCREENSHOT_DIR set, capture() saves the wizard as a PNG, so a person can
// look at every page.
class WizardDriver
{
public:
    using PageId = ui::GrantWizard::PageId;

    enum Template
    {
        Payments,
        DataExport,
        Deletes,
        ExternalSharing,
        Custom
    };

    explicit WizardDriver(ui::GrantWizard *wizard)
        : m_wizard(wizard)
    {}

    // Travel booker (active), CRM exporter (suspended), Bill payer (active).
    static QStandardItemModel *makeAgents(QObject *parent)
    {
        auto *model = new QStandardItemModel(parent);
        const auto add = [model](const char *name, const char *id, const char *status) {
            auto *item = new QStandardItem(QString::fromLatin1(name));
            item->setData(QString::fromLatin1(id), Qt::UserRole);
            const QString spiffeId =
                QStringLiteral("spiffe://demo.mandate.local/") + QString::fromLatin1(id).mid(4);
            item->setData(spiffeId, Qt::UserRole + 1);
            item->setData(QString::fromLatin1(status), Qt::UserRole + 2);
            model->appendRow(item);
        };
        add("Travel booker", "agt_travel", "active");
        add("CRM exporter", "agt_crm", "suspended");
        add("Bill payer", "agt_bills", "active");
        return model;
    }

    QWidget *page(PageId id) const { return m_wizard->page(id); }

    template <typename T>
    T *child(PageId id, const char *name) const
    {
        T *found = page(id)->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("page %d has no %s", int(id), name);
        return found;
    }

    void next() const { QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton); }
    void pressGrant() const { QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton); }

    void pickAgent(const QString &name) const
    {
        auto *list = child<QListView>(PageId::AgentPageId, "agentList");
        const QModelIndexList found = list->model()->match(list->model()->index(0, 0), Qt::DisplayRole, name);
        QVERIFY(!found.isEmpty());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found.front()).center());
    }

    void fillPurpose(const QString &text) const
    {
        auto *edit = child<QPlainTextEdit>(PageId::PurposePageId, "purposeEdit");
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }

    // Adds a scope from the Add menu and types the id after the template's "kind:".
    void addScope(Template kind, const QString &resourceId) const
    {
        child<QPushButton>(PageId::ScopesPageId, "addButton")->menu()->actions().at(kind)->trigger();
        QTest::keyClicks(child<QLineEdit>(PageId::ScopesPageId, "resourceEdit"), resourceId);
    }

    ui::MoneyEdit *scopeMoney(const char *name) const
    {
        return child<ui::MoneyEdit>(PageId::ScopesPageId, name);
    }

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    // An agent, a purpose and the payments template with its default caps; the other pages as they come.
    void goToReview() const
    {
        pickAgent(QStringLiteral("Travel booker"));
        next();
        fillPurpose(QStringLiteral("Pay the Berlin trip"));
        next();
        addScope(Payments, QStringLiteral("acc_1"));
        next();
        next();
        next();
        QCOMPARE(m_wizard->currentId(), int(PageId::ReviewPageId));
    }

    QString reviewText() const
    {
        return child<QTextBrowser>(PageId::ReviewPageId, "summaryView")->toPlainText();
    }

    void capture(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("MANDATE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        // Layouts settle in posted events; without them the picture shows the previous state.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(m_wizard->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private:
    ui::GrantWizard *m_wizard;
};

} // namespace mandate::test
