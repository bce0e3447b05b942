// See study.h.
#include "mlpw/report/study.h"

namespace mlpw {

const std::vector<StudyQuestion>& study_questions() {
    static const std::vector<StudyQuestion> questions = {
        {"hidden_size",
         "Hidden layer size",
         "784-N-10 with ReLU and Adam, 5 epochs: how wide should the hidden layer be?",
         {"baseline", "hidden_256", "hidden_1024"}},
        {"epochs",
         "Epochs",
         "The baseline trained longer: does it keep improving, and does early stopping find the point?",
         {"baseline", "epochs_15", "epochs_30", "early_stopping"}},
        {"activations",
         "Activations",
         "Four hidden layers of 512: ReLU, sigmoid or LeakyReLU?",
         {"deep_relu", "deep_sigmoid", "deep_leaky_relu"}},
        {"initializers",
         "Initialisers",
         "4x512 ReLU: zeros, random normal or Glorot uniform?",
         {"init_zeros", "init_random_normal", "init_glorot_uniform"}},
        {"optimizers",
         "Optimisers",
         "4x512 LeakyReLU, batch 32, 5 epochs: which optimiser?",
         {"optimizer_sgd", "optimizer_sgd_momentum", "optimizer_adagrad", "optimizer_rmsprop", "optimizer_adam"}},
        {"batch_optimizer",
         "Batch size × optimiser",
         "Batch 32/64/128 with Adam or SGD with momentum, early stopping",
         {"sweep_batch_optimizer"}},
        {"regularization",
         "Regularisation",
         "L2, L1+L2, dropout and their combinations on 4x512 LeakyReLU",
         {"regularization_sweep"}},
        {"final",
         "Final network",
         "The study's final network: 4x(Dense 512 + LeakyReLU + dropout 0.3), SGD momentum",
         {"final"}},
    };
    return questions;
}

}  // namespace mlpw
