#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace mandate {
class Clock;
}
namespace mandate::client {
class MandateApi;
}
namespace mandate::models {
class AgentListModel;
}

namespace mandate::ui {

class GrantWizard;

// Opens the grant wizard, sends what it describes, and hands the server's verdict back to it:
// success closes it, a refusal lands on the field that caused it.
class GrantController : public QObject
{
    Q_OBJECT

public:
    GrantController(client::MandateApi &api, models::AgentListModel &agents, const Clock &clock,
                    QWidget *dialogParent, QObject *parent = nullptr);

    void start(const QString &preselectedAgentId = {});
    GrantWizard *wizard() const;

Q_SIGNALS:
    void granted(const QString &summary, const QString &delegationId);

private:
    void addDraftTrial();

    client::MandateApi &m_api;
    models::AgentListModel &m_agents;
    const Clock &m_clock;
    QWidget *m_dialogParent;
    QPointer<GrantWizard> m_wizard;
};

} // namespace mandate::ui
