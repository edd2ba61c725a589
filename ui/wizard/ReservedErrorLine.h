#pragma once

class QLabel;

namespace mandate::ui {

// An inline error line that keeps its room whether or not it holds a message: an error that
// appears or goes away moves no field below it, so a click lands on the field that was under the
// pointer. FieldMarker clears such a line without hiding it. One line is reserved; a message of
// several lines still takes what it needs.
class ReservedErrorLine
{
public:
    static void reserve(QLabel *label);
    static bool isReserved(const QLabel *label);
};

} // namespace mandate::ui
