#pragma once

#include "core/Money.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;

namespace mandate::ui {

// An optional amount in major units with its currency. Empty means "no limit"; anything else must
// parse exactly (MoneyInput) or problem() says why.
class MoneyEdit : public QWidget
{
    Q_OBJECT

public:
    explicit MoneyEdit(QWidget *parent = nullptr);

    // The currencies offered first; any other ISO 4217 code can be typed into the picker.
    static QStringList commonCurrencies();
    static QString defaultCurrency();

    std::optional<Money> money() const;
    QString problem() const;
    QString amountText() const;
    QString currency() const;

    void setAmountText(const QString &text);
    void setCurrency(const QString &code);
    void setPlaceholderText(const QString &text);
    // Screen readers announce the two parts as "<name> amount" and "<name> currency".
    void setAccessibleNames(const QString &name);

    QLineEdit *amountEdit() const { return m_amount; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_amount;
    QComboBox *m_currency;
};

} // namespace mandate::ui
