#include "ui/wizard/MoneyEdit.h"

#include "core/Currency.h"
#include "ui/wizard/MoneyInput.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpressionValidator>

namespace mandate::ui {

MoneyEdit::MoneyEdit(QWidget *parent)
    : QWidget(parent)
    , m_amount(new QLineEdit(this))
    , m_currency(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_amount, 1);
    layout->addWidget(m_currency);
    setFocusProxy(m_amount);

    m_amount->setPlaceholderText(tr("No limit"));
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    m_currency->addItems(commonCurrencies());
    m_currency->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), m_currency));
    setCurrency(defaultCurrency());
    setAccessibleNames(tr("Limit"));

    connect(m_amount, &QLineEdit::textChanged, this, &MoneyEdit::changed);
    connect(m_currency, &QComboBox::currentTextChanged, this, &MoneyEdit::changed);
}

QStringList MoneyEdit::commonCurrencies()
{
    return {QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("CHF"),
            QStringLiteral("JPY"), QStringLiteral("SEK"), QStringLiteral("NOK"), QStringLiteral("DKK"),
            QStringLiteral("PLN"), QStringLiteral("CAD"), QStringLiteral("AUD"), QStringLiteral("BHD")};
}

QString MoneyEdit::defaultCurrency()
{
    const QString local = QLocale().currencySymbol(QLocale::CurrencyIsoCode);
    return Currency::isKnown(local) ? local : QStringLiteral("EUR");
}

std::optional<Money> MoneyEdit::money() const
{
    if (m_amount->text().trimmed().isEmpty())
        return std::nullopt;
    const auto parsed = MoneyInput::parse(m_amount->text(), currency());
    return parsed ? std::optional<Money>(parsed.value()) : std::nullopt;
}

QString MoneyEdit::problem() const
{
    if (m_amount->text().trimmed().isEmpty())
        return {};
    const auto parsed = MoneyInput::parse(m_amount->text(), currency());
    return parsed ? QString() : parsed.error();
}

QString MoneyEdit::amountText() const
{
    return m_amount->text();
}

QString MoneyEdit::currency() const
{
    return m_currency->currentText().trimmed().toUpper();
}

void MoneyEdit::setAmountText(const QString &text)
{
    m_amount->setText(text);
}

void MoneyEdit::setCurrency(const QString &code)
{
    const int index = m_currency->findText(code);
    if (index >= 0)
        m_currency->setCurrentIndex(index);
    else
        m_currency->setEditText(code);
}

void MoneyEdit::setPlaceholderText(const QString &text)
{
    m_amount->setPlaceholderText(text);
}

void MoneyEdit::setAccessibleNames(const QString &name)
{
    m_amount->setAccessibleName(tr("%1 amount").arg(name));
    m_currency->setAccessibleName(tr("%1 currency").arg(name));
}

} // namespace mandate::ui
