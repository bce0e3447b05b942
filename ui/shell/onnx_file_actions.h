#pragma once
// File > Export > ONNX… (the current run's final weights) and File > Import ONNX… (an ONNX MLP saved as a .mlpw
// model file). The dialogs run on the GUI thread; the export and the import run on a thread of their own.
#include <QString>
#include <functional>

#include "run/training_types.h"

class QMenu;
class QWidget;
class RunStore;

namespace onnx_file_actions {

// Adds the two entries to the File menu of `window`; `imported` gets the model file an import saved (the window
// opens it).
void addTo(QMenu* file, QWidget* window, const RunStore* runs, std::function<void(const QString&)> imported);

// The work behind the entries (tests call them directly). Each returns the message to show the user and throws
// mlpw::Error (the message names the file) on failure.
QString exportRun(const RunSnapshot& run, const QString& onnxPath);
QString importModel(const QString& onnxPath, const QString& modelPath);

}  // namespace onnx_file_actions
