#pragma once
// mlp-workbench --measure-canvas: replays the recorded strokes of the ten digits into a DigitDrawing at three
// sizes and places and, after every mouse move, times what the Draw view does: painting the segment (the GUI
// thread's share) and reading the drawing (the reader thread's: preprocessing plus the forward pass of the study's
// 4x512 network). Prints the percentiles and the load average, returns the exit code.
int run_canvas_benchmark();
