#pragma once
// The study our users repeat: a series of questions, each answered by comparing a few presets
// (resources/presets/<name>.json), in the study's order. `mlpw study` and the window's "Run the study" run them
// and write one report with a section per question.
#include <string>
#include <vector>

namespace mlpw {

struct StudyQuestion {
    std::string key;                   // "hidden_size": the folder of its runs, the name --only takes
    std::string title;                 // "Hidden layer size"
    std::string question;              // "How wide should the one hidden layer be?"
    std::vector<std::string> presets;  // preset names (a sweep preset contributes every point)
};

// hidden_size, epochs, activations, initializers, optimizers, batch_optimizer, regularization, final.
// (last_layer_5_units, the study's deliberate mistake, is refused before training and is not run.)
const std::vector<StudyQuestion>& study_questions();

}  // namespace mlpw
