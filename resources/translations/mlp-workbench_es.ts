<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CallbacksPanel</name>
    <message>
        <source>Baseline</source>
        <translation>Línea base</translation>
    </message>
    <message>
        <source>Stop unless the monitored value gets better than this; empty: none (Keras baseline, default None)</source>
        <translation>Detener salvo que el valor vigilado mejore este; vacío: ninguno (baseline de Keras, por defecto None)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Whether lower or higher is better (Keras mode, default &quot;auto&quot;: min for losses, max for accuracies)</source>
        <translation>Si es mejor un valor menor o mayor (mode de Keras, por defecto &quot;auto&quot;: min para las pérdidas, max para las exactitudes)</translation>
    </message>
    <message>
        <source>At the end, go back to the weights of the best epoch (Keras restore_best_weights, default off)</source>
        <translation>Al final, volver a los pesos de la mejor época (restore_best_weights de Keras, por defecto desactivado)</translation>
    </message>
    <message>
        <source>Smallest change that counts as an improvement (Keras min_delta, default 0)</source>
        <translation>Cambio mínimo que cuenta como mejora (min_delta de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>Epochs without improvement before stopping (Keras patience, default 0)</source>
        <translation>Épocas sin mejora antes de parar (patience de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>&amp;Early stopping</source>
        <translation>Parada &amp;temprana</translation>
    </message>
    <message>
        <source>Stop when the monitored value stops improving (Keras EarlyStopping)</source>
        <translation>Parar cuando el valor vigilado deja de mejorar (EarlyStopping de Keras)</translation>
    </message>
    <message>
        <source>The value to watch (Keras monitor, default &quot;val_loss&quot;)</source>
        <translation>El valor que se vigila (monitor de Keras, por defecto &quot;val_loss&quot;)</translation>
    </message>
    <message>
        <source>Epochs to wait before watching at all (Keras start_from_epoch, default 0)</source>
        <translation>Épocas de espera antes de empezar a vigilar (start_from_epoch de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Valor vigilado</translation>
    </message>
    <message>
        <source>Min delta</source>
        <translation>Mejora mínima</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>Paciencia</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation>Restaurar los mejores pesos</translation>
    </message>
    <message>
        <source>Start from epoch</source>
        <translation>Empezar en la época</translation>
    </message>
    <message>
        <source>&amp;Threshold early stopping</source>
        <translation>Parada temprana con &amp;umbral</translation>
    </message>
    <message>
        <source>Early stopping that starts watching only once the monitored value has reached a threshold</source>
        <translation>Parada temprana que solo empieza a vigilar cuando el valor vigilado ha alcanzado un umbral</translation>
    </message>
    <message>
        <source>The value to watch (default &quot;val_accuracy&quot;)</source>
        <translation>El valor que se vigila (por defecto &quot;val_accuracy&quot;)</translation>
    </message>
    <message>
        <source>The value the monitor must reach first (default 0.95)</source>
        <translation>El valor que debe alcanzar antes el valor vigilado (por defecto 0.95)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Stop at &amp;target</source>
        <translation>Parar al alcanzar el &amp;objetivo</translation>
    </message>
    <message>
        <source>Stop as soon as the monitored value crosses a target</source>
        <translation>Parar en cuanto el valor vigilado cruce un objetivo</translation>
    </message>
    <message>
        <source>The value to watch (default &quot;accuracy&quot;)</source>
        <translation>El valor que se vigila (por defecto &quot;accuracy&quot;)</translation>
    </message>
    <message>
        <source>The target (default 0.85): above it for accuracies, below it for losses</source>
        <translation>El objetivo (por defecto 0.85): superarlo en las exactitudes, quedar por debajo en las pérdidas</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Model &amp;checkpoint</source>
        <translation>&amp;Punto de control del modelo</translation>
    </message>
    <message>
        <source>Save the model after epochs (Keras ModelCheckpoint)</source>
        <translation>Guardar el modelo tras las épocas (ModelCheckpoint de Keras)</translation>
    </message>
    <message>
        <source>File to write, may contain {epoch} (Keras filepath; written atomically)</source>
        <translation>Archivo que se escribe; puede contener {epoch} (filepath de Keras; se escribe de forma atómica)</translation>
    </message>
    <message>
        <source>The value that decides the best epoch (Keras monitor, default &quot;val_loss&quot;)</source>
        <translation>El valor que decide la mejor época (monitor de Keras, por defecto &quot;val_loss&quot;)</translation>
    </message>
    <message>
        <source>Write only when the monitored value improved (Keras save_best_only, default off)</source>
        <translation>Escribir solo cuando el valor vigilado ha mejorado (save_best_only de Keras, por defecto desactivado)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Save best only</source>
        <translation>Guardar solo el mejor</translation>
    </message>
    <message>
        <source>&amp;Reduce learning rate on plateau</source>
        <translation>&amp;Reducir la tasa de aprendizaje en una meseta</translation>
    </message>
    <message>
        <source>Multiply the learning rate by a factor when the monitored value stops improving (Keras ReduceLROnPlateau); needs a constant rate, not a schedule</source>
        <translation>Multiplica la tasa de aprendizaje por un factor cuando el valor vigilado deja de mejorar (Keras ReduceLROnPlateau); necesita una tasa constante, no un programa</translation>
    </message>
    <message>
        <source>The rate is multiplied by this, in (0, 1) (Keras factor, default 0.1)</source>
        <translation>La tasa se multiplica por esto, en (0, 1) (Keras factor, por defecto 0.1)</translation>
    </message>
    <message>
        <source>Epochs without improvement before reducing (Keras patience, default 10)</source>
        <translation>Épocas sin mejora antes de reducir (Keras patience, por defecto 10)</translation>
    </message>
    <message>
        <source>Smallest change that counts as an improvement (Keras min_delta, default 0.0001)</source>
        <translation>El menor cambio que cuenta como mejora (Keras min_delta, por defecto 0.0001)</translation>
    </message>
    <message>
        <source>Epochs to wait after a reduction before watching again (Keras cooldown, default 0)</source>
        <translation>Épocas de espera tras una reducción antes de volver a vigilar (Keras cooldown, por defecto 0)</translation>
    </message>
    <message>
        <source>The rate is never reduced below this (Keras min_lr, default 0)</source>
        <translation>La tasa nunca se reduce por debajo de esto (Keras min_lr, por defecto 0)</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>Enfriamiento</translation>
    </message>
    <message>
        <source>Minimum rate</source>
        <translation>Tasa mínima</translation>
    </message>
    <message>
        <source>Learning rate sc&amp;heduler</source>
        <translation>Programador de la tasa de a&amp;prendizaje</translation>
    </message>
    <message>
        <source>Set the learning rate at each epoch&apos;s start (Keras LearningRateScheduler); needs a constant rate, not a schedule</source>
        <translation>Fija la tasa de aprendizaje al comienzo de cada época (Keras LearningRateScheduler); necesita una tasa constante, no un programa</translation>
    </message>
    <message>
        <source>An expression in epoch (0-based) and lr, e.g. &quot;lr * 0.95&quot; or &quot;0.001 * 0.5 ^ floor(epoch / 5)&quot;; or a table &quot;0: 0.001, 10: 0.0005&quot;: from each listed epoch on, its rate</source>
        <translation>Una expresión en epoch (desde 0) y lr, p. ej. &quot;lr * 0.95&quot; o &quot;0.001 * 0.5 ^ floor(epoch / 5)&quot;; o una tabla &quot;0: 0.001, 10: 0.0005&quot;: desde cada época de la lista, su tasa</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programa</translation>
    </message>
</context>
<context>
    <name>CompareArea</name>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Qué pasaría si</translation>
    </message>
    <message numerus="yes">
        <source>Project %1: %n run(s)</source>
        <translation>
            <numerusform>Proyecto %1: %n ejecución</numerusform>
            <numerusform>Proyecto %1: %n ejecuciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n run(s) into the project</source>
        <translation>
            <numerusform>Se ha importado %n ejecución al proyecto</numerusform>
            <numerusform>Se han importado %n ejecuciones al proyecto</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: cancelado</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: hecho</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Informe escrito en %1</translation>
    </message>
    <message>
        <source>Cannot write the report</source>
        <translation>No se puede escribir el informe</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>Abrir &amp;proyecto…</translation>
    </message>
    <message>
        <source>A folder of run bundles (mlpw train --out): its runs replace the table&apos;s</source>
        <translation>Una carpeta de paquetes de ejecución (mlpw train --out): sus ejecuciones sustituyen a las de la tabla</translation>
    </message>
    <message>
        <source>Copy run bundles (or a folder of them, e.g. mlpw sweep --out) into the project</source>
        <translation>Copiar paquetes de ejecución (o una carpeta de ellos, p. ej. mlpw sweep --out) al proyecto</translation>
    </message>
    <message>
        <source>Repeat × &amp;N…</source>
        <translation>Repetir × &amp;N…</translation>
    </message>
    <message>
        <source>Run the experiment with N seeds, one after the other; the Runs table groups them</source>
        <translation>Ejecutar el experimento con N semillas, una tras otra; la tabla de ejecuciones las agrupa</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>&amp;Barrido…</translation>
    </message>
    <message>
        <source>Run the experiment over the values of one or two fields</source>
        <translation>Ejecutar el experimento sobre los valores de uno o dos campos</translation>
    </message>
    <message>
        <source>Every preset of the study in its order, as mlpw study: the questions&apos; runs land in the Runs table</source>
        <translation>Cada preajuste del estudio en su orden, como mlpw study: las ejecuciones de las preguntas llegan a la tabla de ejecuciones</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Import runs: a run bundle or a folder of them</source>
        <translation>Importar ejecuciones: un paquete de ejecución o una carpeta de ellos</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Reports (*.html *.pdf)</source>
        <translation>Informes (*.html *.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Writing the report of %n run(s)…</source>
        <translation>
            <numerusform>Escribiendo el informe de %n ejecución…</numerusform>
            <numerusform>Escribiendo el informe de %n ejecuciones…</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs of %1</source>
        <translation>Ejecuciones de %1</translation>
    </message>
    <message>
        <source>Repeat × N</source>
        <translation>Repetir × N</translation>
    </message>
    <message>
        <source>Seeds (each a run of the experiment):</source>
        <translation>Semillas (cada una, una ejecución del experimento):</translation>
    </message>
    <message>
        <source>Cannot repeat the experiment</source>
        <translation>No se puede repetir el experimento</translation>
    </message>
    <message>
        <source>Fix the problems listed under the editor first</source>
        <translation>Corrige antes los problemas indicados bajo el editor</translation>
    </message>
    <message>
        <source>Repeat × %1</source>
        <translation>Repetir × %1</translation>
    </message>
    <message>
        <source>Cannot sweep the experiment</source>
        <translation>No se puede hacer un barrido del experimento</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Barrido</translation>
    </message>
    <message>
        <source>Run the study</source>
        <translation>Ejecutar el estudio</translation>
    </message>
    <message>
        <source>Seeds per setting (3 shows which differences are noise):</source>
        <translation>Semillas por configuración (3 muestran qué diferencias son ruido):</translation>
    </message>
    <message>
        <source>Some presets of the study cannot be run</source>
        <translation>Algunos preajustes del estudio no se pueden ejecutar</translation>
    </message>
    <message>
        <source>The study</source>
        <translation>El estudio</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>
… and %n more</source>
        <translation>
            <numerusform>
… y %n más</numerusform>
            <numerusform>
… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the report: step %1 of %2…</source>
        <translation>Escribiendo el informe: paso %1 de %2…</translation>
    </message>
    <message>
        <source>Import r&amp;uns…</source>
        <translation>Importar e&amp;jecuciones…</translation>
    </message>
    <message>
        <source>Export repor&amp;t…</source>
        <translation>Exportar in&amp;forme…</translation>
    </message>
    <message>
        <source>The selected runs (or all) as one HTML file with inline SVG plots, or a PDF: a section per study question they answer, as mlpw study writes</source>
        <translation>Las ejecuciones seleccionadas (o todas) como un único archivo HTML con gráficos SVG incrustados, o un PDF: una sección por cada pregunta del estudio que responden, como escribe mlpw study</translation>
    </message>
    <message>
        <source>Run the st&amp;udy…</source>
        <translation>Ejecutar el es&amp;tudio…</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Validation confusion matrix</source>
        <translation>Matriz de confusión de validación</translation>
    </message>
    <message>
        <source>true %1, predicted %2: %L3 of %L4 images (%5%)
click to see them</source>
        <translation>real %1, predicha %2: %L3 de %L4 imágenes (%5%)
haz clic para verlas</translation>
    </message>
</context>
<context>
    <name>ConfusionPictureText</name>
    <message>
        <source>Validation confusion matrix, epoch %1 of %2</source>
        <translation>Matriz de confusión de validación, época %1 de %2</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>No validation confusion matrix yet (the run needs validation)</source>
        <translation>Todavía no hay matriz de confusión de validación (la ejecución necesita validación)</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>clase real</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>exhaustividad</translation>
    </message>
    <message>
        <source>accuracy %1</source>
        <translation>exactitud %1</translation>
    </message>
    <message>
        <source>row %</source>
        <translation>% por fila</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>Test confusion matrix of the final weights (%L1 images)</source>
        <translation>Matriz de confusión de prueba de los pesos finales (%L1 imágenes)</translation>
    </message>
    <message>
        <source>Test set confusion matrix (no validation: evaluated once, after training)</source>
        <translation>Matriz de confusión del conjunto de prueba (sin validación: evaluada una vez, tras el entrenamiento)</translation>
    </message>
    <message>
        <source>No validation (validation_split 0): the test set&apos;s matrix appears when training ends</source>
        <translation>Sin validación (validation_split 0): la matriz del conjunto de prueba aparece al terminar el entrenamiento</translation>
    </message>
</context>
<context>
    <name>DataOverviewText</name>
    <message>
        <source>training part</source>
        <translation>parte de entrenamiento</translation>
    </message>
    <message>
        <source>validation part</source>
        <translation>parte de validación</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>conjunto de prueba</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>Imágenes por clase</translation>
    </message>
    <message>
        <source>mean image</source>
        <translation>imagen media</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>muestras</translation>
    </message>
    <message>
        <source>Data set %1</source>
        <translation>Conjunto de datos %1</translation>
    </message>
    <message>
        <source>%1x%2 images, pixel values %3 to %4; %L5 training, %L6 validation (validation_split %7), %L8 test images; %9 classes</source>
        <translation>imágenes de %1x%2, valores de píxel de %3 a %4; %L5 imágenes de entrenamiento, %L6 de validación (validation_split %7) y %L8 de prueba; %9 clases</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>MNIST (handwritten digits)</source>
        <translation>MNIST (dígitos manuscritos)</translation>
    </message>
    <message>
        <source>Fashion-MNIST (clothing)</source>
        <translation>Fashion-MNIST (ropa)</translation>
    </message>
    <message>
        <source>Folder of IDX files</source>
        <translation>Carpeta de archivos IDX</translation>
    </message>
    <message>
        <source>The images to learn from: 60,000 training and 10,000 test images of 28x28 pixels</source>
        <translation>Las imágenes de las que se aprende: 60 000 imágenes de entrenamiento y 10 000 de prueba de 28x28 píxeles</translation>
    </message>
    <message>
        <source>folder with train-images-idx3-ubyte, …</source>
        <translation>carpeta con train-images-idx3-ubyte, …</translation>
    </message>
    <message>
        <source>A folder holding the four IDX files (plain or .gz), MNIST layout</source>
        <translation>Una carpeta con los cuatro archivos IDX (sin comprimir o .gz), con la estructura de MNIST</translation>
    </message>
    <message>
        <source>Choose the folder of IDX files</source>
        <translation>Elegir la carpeta de archivos IDX</translation>
    </message>
    <message>
        <source>Fraction of the training images held out for validation, taken from the end before shuffling (Keras fit(validation_split=...), default 0; the study uses 0.25)</source>
        <translation>Fracción de las imágenes de entrenamiento reservada para validación, tomada del final antes de barajar (fit(validation_split=...) de Keras, por defecto 0; el estudio usa 0.25)</translation>
    </message>
    <message>
        <source>scale: pixel / 255 (the study&apos;s choice); standardize: zero mean, unit variance from the training part; none: raw 0..255</source>
        <translation>scale: píxel / 255 (la elección del estudio); standardize: media cero y varianza unidad calculadas con la parte de entrenamiento; none: valores sin tratar 0..255</translation>
    </message>
    <message>
        <source>&amp;Data set</source>
        <translation>&amp;Conjunto de datos</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>&amp;Validation split</source>
        <translation>División de &amp;validación</translation>
    </message>
    <message>
        <source>&amp;Normalisation</source>
        <translation>&amp;Normalización</translation>
    </message>
    <message>
        <source>Cannot load the data: %1</source>
        <translation>No se pueden cargar los datos: %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>%1: %L2 training and %L3 test images of %4x%5 pixels, %6 classes</source>
        <translation>%1: %L2 imágenes de entrenamiento y %L3 de prueba de %4x%5 píxeles, %6 clases</translation>
    </message>
    <message>
        <source>Training image %1, label %2</source>
        <translation>Imagen de entrenamiento %1, etiqueta %2</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save this picture as PNG or SVG (1600x1000)</source>
        <translation>Guardar esta imagen como PNG o SVG (1600x1000)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Counting the images of %1…</source>
        <translation>Contando las imágenes de %1…</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>No se puede mostrar %1: %2</translation>
    </message>
    <message>
        <source>The data set of the current experiment: %1</source>
        <translation>El conjunto de datos del experimento actual: %1</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>No se puede cargar %1: %2</translation>
    </message>
    <message>
        <source>%1: there is no data set to export yet</source>
        <translation>%1: todavía no hay ningún conjunto de datos que exportar</translation>
    </message>
    <message>
        <source>Export the data view</source>
        <translation>Exportar la vista de datos</translation>
    </message>
    <message>
        <source>data_%1.png</source>
        <translation>datos_%1.png</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
    <message>
        <source>Cannot export the data view</source>
        <translation>No se puede exportar la vista de datos</translation>
    </message>
</context>
<context>
    <name>DatasetCache</name>
    <message>
        <source>out of memory while loading the images of %1</source>
        <translation>memoria insuficiente al cargar las imágenes de %1</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <source>Draw a digit: white ink on black, like MNIST</source>
        <translation>Dibuja un dígito: tinta blanca sobre negro, como en MNIST</translation>
    </message>
</context>
<context>
    <name>DrawingPanel</name>
    <message>
        <source>This model cannot read drawings: %1</source>
        <translation>Este modelo no puede leer dibujos: %1</translation>
    </message>
    <message>
        <source>No model yet: train one (Run &gt; Start) or open a model file. The 28x28 the network would see is shown meanwhile.</source>
        <translation>Todavía no hay modelo: entrena uno (Ejecutar &gt; Iniciar) o abre un archivo de modelo. Mientras tanto se muestra la imagen de 28x28 que vería la red.</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Pen width on the %1 px canvas</source>
        <translation>Grosor del trazo en el lienzo de %1 px</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>&amp;Deshacer trazo</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>&amp;Keep as…</source>
        <translation>&amp;Conservar como…</translation>
    </message>
    <message>
        <source>Label this drawing and add it to My digits, scored after every epoch</source>
        <translation>Etiquetar este dibujo y añadirlo a Mis dígitos, que se evalúan tras cada época</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Pen:</source>
        <translation>Trazo:</translation>
    </message>
    <message>
        <source>Model: the run &quot;%1&quot; on %2, weights of epoch %3 of %4</source>
        <translation>Modelo: la ejecución &quot;%1&quot; con %2, pesos de la época %3 de %4</translation>
    </message>
    <message numerus="yes">
        <source>Model: %1 (&quot;%2&quot;), trained for %n epoch(s)</source>
        <translation>
            <numerusform>Modelo: %1 (&quot;%2&quot;), entrenado durante %n época</numerusform>
            <numerusform>Modelo: %1 (&quot;%2&quot;), entrenado durante %n épocas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to read: draw a digit</source>
        <translation>Nada que leer: dibuja un dígito</translation>
    </message>
    <message>
        <source>No model to read it</source>
        <translation>No hay ningún modelo que lo lea</translation>
    </message>
    <message>
        <source>read in %1 ms</source>
        <translation>leído en %1 ms</translation>
    </message>
    <message>
        <source>Nothing to keep: draw a digit first</source>
        <translation>Nada que conservar: dibuja antes un dígito</translation>
    </message>
    <message>
        <source>Kept as %1.</source>
        <translation>Conservado como %1.</translation>
    </message>
    <message numerus="yes">
        <source>My digits: %n drawing(s) in %1, scored after every epoch</source>
        <translation>
            <numerusform>Mis dígitos: %n dibujo en %1, evaluado tras cada época</numerusform>
            <numerusform>Mis dígitos: %n dibujos en %1, evaluados tras cada época</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing read by the network</source>
        <translation>Dibujo leído por la red</translation>
    </message>
    <message>
        <source>Export the drawing</source>
        <translation>Exportar el dibujo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
</context>
<context>
    <name>EpochSlider</name>
    <message>
        <source>&amp;Epoch</source>
        <translation>É&amp;poca</translation>
    </message>
    <message>
        <source>The epoch shown; it follows the newest epoch unless you move it back</source>
        <translation>La época que se muestra; sigue a la época más reciente salvo que la hagas retroceder</translation>
    </message>
    <message>
        <source>no epoch yet</source>
        <translation>todavía ninguna época</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 de %2%3</translation>
    </message>
    <message>
        <source> (following)</source>
        <translation> (siguiendo)</translation>
    </message>
</context>
<context>
    <name>ExperimentEditor</name>
    <message>
        <source>The experiment&apos;s name, shown in titles and run tables</source>
        <translation>El nombre del experimento, que aparece en los títulos y en las tablas de ejecuciones</translation>
    </message>
    <message>
        <source>Experiment name</source>
        <translation>Nombre del experimento</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Entrenamiento</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>• a problem in the layers (Model tab)</source>
        <translation>• un problema en las capas (pestaña Modelo)</translation>
    </message>
    <message>
        <source>• %1 problems in the layers (Model tab)</source>
        <translation>• %1 problemas en las capas (pestaña Modelo)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot train yet:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Todavía no se puede entrenar:&lt;/b&gt;&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export failed</source>
        <translation>La exportación ha fallado</translation>
    </message>
    <message>
        <source>Export picture (PNG, SVG)...</source>
        <translation>Exportar imagen (PNG, SVG)...</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>Exportar imagen</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Exportar CSV...</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FirstLayerWeightsView</name>
    <message>
        <source>First layer weights</source>
        <translation>Pesos de la primera capa</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>in index order</source>
        <translation>en orden de índice</translation>
    </message>
    <message>
        <source>most confident first</source>
        <translation>de mayor a menor confianza</translation>
    </message>
    <message>
        <source>least confident first</source>
        <translation>de menor a mayor confianza</translation>
    </message>
    <message>
        <source>Gallery of %1</source>
        <translation>Galería de %1</translation>
    </message>
    <message>
        <source>%1 images, %2, %3: %L4 of %L5 shown, rows %L6 to %L7</source>
        <translation>imágenes de %1, %2, %3: se muestran %L4 de %L5, filas %L6 a %L7</translation>
    </message>
    <message>
        <source>no predictions</source>
        <translation>sin predicciones</translation>
    </message>
    <message>
        <source>predicted right</source>
        <translation>predicción correcta</translation>
    </message>
    <message>
        <source>predicted wrong; under each image: the prediction and its confidence, then the true class</source>
        <translation>predicción errónea; bajo cada imagen: la predicción y su confianza, y después la clase real</translation>
    </message>
    <message>
        <source>all samples</source>
        <translation>todas las muestras</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>mal clasificadas</translation>
    </message>
    <message>
        <source>true %1</source>
        <translation>de clase real %1</translation>
    </message>
    <message>
        <source>predicted as %1</source>
        <translation>predichas como %1</translation>
    </message>
    <message>
        <source>true %1 predicted as %2</source>
        <translation>de clase real %1 predichas como %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt;: true %2, predicted %3</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt;: real %2, predicha %3</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Validation split</source>
        <translation>División de validación</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Conjunto de prueba</translation>
    </message>
    <message>
        <source>Which images the run&apos;s final weights are shown on</source>
        <translation>Con qué imágenes se muestran los pesos finales de la ejecución</translation>
    </message>
    <message>
        <source>All samples</source>
        <translation>Todas las muestras</translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation>Mal clasificadas</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Clase real</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Clase predicha</translation>
    </message>
    <message>
        <source>Confusion cell</source>
        <translation>Celda de confusión</translation>
    </message>
    <message>
        <source>Most confident first</source>
        <translation>De mayor a menor confianza</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>De menor a mayor confianza</translation>
    </message>
    <message>
        <source>Index order</source>
        <translation>Orden de índice</translation>
    </message>
    <message>
        <source>With Misclassified, most confident first puts the most confident mistakes on top</source>
        <translation>Con Mal clasificadas, De mayor a menor confianza pone arriba los errores cometidos con más confianza</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Page as PNG or SVG…</source>
        <translation>Página como PNG o SVG…</translation>
    </message>
    <message>
        <source>Filtered list as CSV…</source>
        <translation>Lista filtrada como CSV…</translation>
    </message>
    <message>
        <source>Cannot predict the samples: %1</source>
        <translation>No se pueden predecir las muestras: %1</translation>
    </message>
    <message>
        <source>The gallery shows a finished run or an opened model (File &gt; Open model…); a live run appears here when it ends.</source>
        <translation>La galería muestra una ejecución terminada o un modelo abierto (Archivo &gt; Abrir modelo…); una ejecución en curso aparece aquí cuando termina.</translation>
    </message>
    <message>
        <source>%1: %L2 %3 images, %L4 misclassified; showing %L5 (%6)</source>
        <translation>%1: %L2 imágenes de %3, %L4 mal clasificadas; se muestran %L5 (%6)</translation>
    </message>
    <message>
        <source>Export the gallery page</source>
        <translation>Exportar la página de la galería</translation>
    </message>
    <message>
        <source>gallery.png</source>
        <translation>galeria.png</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
    <message>
        <source>Cannot export the gallery page</source>
        <translation>No se puede exportar la página de la galería</translation>
    </message>
    <message>
        <source>Export the filtered samples</source>
        <translation>Exportar las muestras filtradas</translation>
    </message>
    <message>
        <source>gallery.csv</source>
        <translation>galeria.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the samples</source>
        <translation>No se pueden exportar las muestras</translation>
    </message>
    <message>
        <source>This run has no validation split (validation_split 0): its evaluation is the test set, once, after training</source>
        <translation>Esta ejecución no tiene división de validación (validation_split 0): su evaluación es el conjunto de prueba, una sola vez, tras el entrenamiento</translation>
    </message>
    <message>
        <source> — no validation split (validation_split 0): the test set is its evaluation</source>
        <translation> — sin división de validación (validation_split 0): el conjunto de prueba es su evaluación</translation>
    </message>
</context>
<context>
    <name>InspectView</name>
    <message>
        <source>&amp;Row %</source>
        <translation>% por &amp;fila</translation>
    </message>
    <message>
        <source>Show each cell as a percentage of its true class (row) instead of a count</source>
        <translation>Mostrar cada celda como porcentaje de su clase real (fila) en lugar de como recuento</translation>
    </message>
    <message>
        <source>&amp;Sample digits</source>
        <translation>Dígitos de &amp;muestra</translation>
    </message>
    <message>
        <source>First layer &amp;weights</source>
        <translation>Pesos de la primera &amp;capa</translation>
    </message>
    <message>
        <source>validation confusion matrices</source>
        <translation>matrices de confusión de validación</translation>
    </message>
    <message>
        <source>E&amp;valuate on the test set</source>
        <translation>E&amp;valuar con el conjunto de prueba</translation>
    </message>
    <message>
        <source>Test the run&apos;s final weights on its data set&apos;s test images (off the window&apos;s thread); the matrix then shows the result</source>
        <translation>Probar los pesos finales de la ejecución con las imágenes de prueba de su conjunto de datos (fuera del hilo de la ventana); la matriz muestra después el resultado</translation>
    </message>
    <message>
        <source>This run has no per-epoch validation results (a model file keeps the weights and the history): the matrix is the test set&apos;s, of the final weights.</source>
        <translation>Esta ejecución no tiene resultados de validación por época (un archivo de modelo guarda los pesos y el historial): la matriz es la del conjunto de prueba, con los pesos finales.</translation>
    </message>
    <message>
        <source>This run has no per-epoch validation results (a model file keeps the weights and the history): nothing to show per epoch. Evaluate its final weights on the test set to see their confusion matrix.</source>
        <translation>Esta ejecución no tiene resultados de validación por época (un archivo de modelo guarda los pesos y el historial): no hay nada que mostrar por época. Evalúe sus pesos finales con el conjunto de prueba para ver su matriz de confusión.</translation>
    </message>
    <message>
        <source>This run has no validation split (validation_split 0): nothing is evaluated per epoch. The matrix is the test set&apos;s, of the final weights, evaluated once after training; the Gallery tab shows its images.</source>
        <translation>Esta ejecución no tiene división de validación (validation_split 0): no se evalúa nada por época. La matriz es la del conjunto de prueba, con los pesos finales, evaluada una vez tras el entrenamiento; la pestaña Galería muestra sus imágenes.</translation>
    </message>
    <message>
        <source>This run has no validation split (validation_split 0): nothing is evaluated per epoch. The test set&apos;s matrix appears once its final weights are evaluated, after training.</source>
        <translation>Esta ejecución no tiene división de validación (validation_split 0): no se evalúa nada por época. La matriz del conjunto de prueba aparece cuando se evalúan sus pesos finales, tras el entrenamiento.</translation>
    </message>
</context>
<context>
    <name>KerasLog</name>
    <message numerus="yes">
        <source>Finished: %n epoch(s), best epoch %1</source>
        <translation>
            <numerusform>Terminado: %n época, mejor época %1</numerusform>
            <numerusform>Terminado: %n épocas, mejor época %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped early at epoch %1 and restored the weights of epoch %2: %3</source>
        <translation>Parada temprana en la época %1, con los pesos de la época %2 restaurados: %3</translation>
    </message>
    <message>
        <source>Stopped early at epoch %1: %2</source>
        <translation>Parada temprana en la época %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped by the user after %n complete epoch(s)</source>
        <translation>
            <numerusform>Detenido por el usuario tras %n época completa</numerusform>
            <numerusform>Detenido por el usuario tras %n épocas completas</numerusform>
        </translation>
    </message>
    <message>
        <source>Diverged with NaN: %1</source>
        <translation>Divergió con NaN: %1</translation>
    </message>
    <message>
        <source>Could not train: %1</source>
        <translation>No se pudo entrenar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n epoch(s), no validation (validation_split 0)</source>
        <translation>
            <numerusform>Terminado: %n época, sin validación (validation_split 0)</numerusform>
            <numerusform>Terminado: %n épocas, sin validación (validation_split 0)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; test set, evaluated once after training: accuracy %2, loss %3</source>
        <translation>%1; conjunto de prueba, evaluado una vez tras el entrenamiento: exactitud %2, pérdida %3</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies when MLP Workbench is started again.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie MLP Workbench.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>The model&apos;s layers, input first. Double-click or type to edit a cell; drag rows to reorder.</source>
        <translation>Las capas del modelo, la de entrada primero. Haz doble clic o escribe para editar una celda; arrastra las filas para reordenarlas.</translation>
    </message>
    <message>
        <source>&amp;Add Dense</source>
        <translation>&amp;Añadir Dense</translation>
    </message>
    <message>
        <source>Add a Dense layer after the selected one (Insert); the arrow offers other types</source>
        <translation>Añadir una capa Dense tras la seleccionada (Insert); la flecha ofrece otros tipos</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected layer (Delete)</source>
        <translation>Quitar la capa seleccionada (Supr)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>Insert a copy of the selected layer below it (Ctrl+D)</source>
        <translation>Insertar una copia de la capa seleccionada debajo de ella (Ctrl+D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move the selected layer up (Ctrl+Up)</source>
        <translation>Subir la capa seleccionada (Ctrl+Arriba)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>Move the selected layer down (Ctrl+Down)</source>
        <translation>Bajar la capa seleccionada (Ctrl+Abajo)</translation>
    </message>
</context>
<context>
    <name>LayerOption</name>
    <message>
        <source>Kernel &amp;constraint</source>
        <translation>&amp;Restricción del kernel</translation>
    </message>
    <message>
        <source>Applied to the kernel after every update (Keras kernel_constraint, default None): max_norm caps each unit&apos;s weight norm, unit_norm sets it to 1, non_neg zeroes negative weights</source>
        <translation>Se aplica al kernel tras cada actualización (Keras kernel_constraint, por defecto None): max_norm limita la norma de los pesos de cada unidad, unit_norm la fija en 1, non_neg anula los pesos negativos</translation>
    </message>
    <message>
        <source>Max &amp;norm</source>
        <translation>&amp;Norma máxima</translation>
    </message>
    <message>
        <source>The largest L2 norm allowed (Keras MaxNorm(max_value), default 2)</source>
        <translation>La mayor norma L2 permitida (Keras MaxNorm(max_value), por defecto 2)</translation>
    </message>
    <message>
        <source>Norm a&amp;xis</source>
        <translation>E&amp;je de la norma</translation>
    </message>
    <message>
        <source>0: the norm over each unit&apos;s inputs; 1: over each input&apos;s units (Keras axis, default 0)</source>
        <translation>0: la norma sobre las entradas de cada unidad; 1: sobre las unidades de cada entrada (Keras axis, por defecto 0)</translation>
    </message>
    <message>
        <source>&amp;Height factor</source>
        <translation>Factor de &amp;altura</translation>
    </message>
    <message>
        <source>RandomTranslation: shift by up to this fraction of the rows; RandomZoom: scale by 1 + [-f, f] (Keras height_factor)</source>
        <translation>RandomTranslation: desplaza hasta esta fracción de las filas; RandomZoom: escala por 1 + [-f, f] (Keras height_factor)</translation>
    </message>
    <message>
        <source>&amp;Width factor</source>
        <translation>Factor de a&amp;nchura</translation>
    </message>
    <message>
        <source>Shift by up to this fraction of the columns (Keras width_factor)</source>
        <translation>Desplaza hasta esta fracción de las columnas (Keras width_factor)</translation>
    </message>
    <message>
        <source>Scale the width by 1 + [-f, f]; empty: the height&apos;s draw, keeping the aspect (Keras width_factor=None, the default)</source>
        <translation>Escala la anchura por 1 + [-f, f]; vacío: el sorteo de la altura, conservando la proporción (Keras width_factor=None, por defecto)</translation>
    </message>
    <message>
        <source>&amp;Factor</source>
        <translation>&amp;Factor</translation>
    </message>
    <message>
        <source>Turn by up to this fraction of a full turn, 0.05 being 18 degrees (Keras factor)</source>
        <translation>Gira hasta esta fracción de una vuelta completa; 0.05 son 18 grados (Keras factor)</translation>
    </message>
    <message>
        <source>Fill &amp;mode</source>
        <translation>&amp;Modo de relleno</translation>
    </message>
    <message>
        <source>How points outside the image are filled: reflect, wrap, constant (fill value) or nearest (Keras fill_mode, default &quot;reflect&quot;)</source>
        <translation>Cómo se rellenan los puntos fuera de la imagen: reflect, wrap, constant (valor de relleno) o nearest (Keras fill_mode, por defecto &quot;reflect&quot;)</translation>
    </message>
    <message>
        <source>Fill &amp;value</source>
        <translation>&amp;Valor de relleno</translation>
    </message>
    <message>
        <source>The value of the constant fill, in the normalised data&apos;s units (Keras fill_value, default 0)</source>
        <translation>El valor del relleno constante, en las unidades de los datos normalizados (Keras fill_value, por defecto 0)</translation>
    </message>
    <message>
        <source>&amp;Alpha</source>
        <translation>&amp;Alfa</translation>
    </message>
    <message>
        <source>The displacement&apos;s scale in pixels (Simard et al.: 34 for MNIST)</source>
        <translation>La escala del desplazamiento en píxeles (Simard et al.: 34 para MNIST)</translation>
    </message>
    <message>
        <source>&amp;Sigma</source>
        <translation>&amp;Sigma</translation>
    </message>
    <message>
        <source>The smoothing Gaussian&apos;s width in pixels, in (0, 16] (Simard et al.: 4 for MNIST)</source>
        <translation>La anchura de la gaussiana de suavizado en píxeles, en (0, 16] (Simard et al.: 4 para MNIST)</translation>
    </message>
</context>
<context>
    <name>LayerOptionsPanel</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Select a layer to see its options.</source>
        <translation>Selecciona una capa para ver sus opciones.</translation>
    </message>
    <message>
        <source>A %1 layer has no further options.</source>
        <translation>Una capa %1 no tiene más opciones.</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>The layer&apos;s name, as Keras would give it (dense, dense_1, ...)</source>
        <translation>El nombre de la capa, como lo daría Keras (dense, dense_1, ...)</translation>
    </message>
    <message>
        <source>Dense units: the number of outputs (Keras Dense(units)). The last Dense layer needs one per class.</source>
        <translation>Unidades de la capa Dense: el número de salidas (Dense(units) de Keras). La última capa Dense necesita una por clase.</translation>
    </message>
    <message>
        <source>Activation function (Keras activation=..., default &quot;linear&quot;): relu, sigmoid, tanh, elu, leaky_relu, softmax</source>
        <translation>Función de activación (activation=... de Keras, por defecto &quot;linear&quot;): relu, sigmoid, tanh, elu, leaky_relu, softmax</translation>
    </message>
    <message>
        <source>Kernel initialiser (Keras kernel_initializer, default &quot;glorot_uniform&quot;)</source>
        <translation>Inicializador de los pesos (kernel_initializer de Keras, por defecto &quot;glorot_uniform&quot;)</translation>
    </message>
    <message>
        <source>L1 penalty on the kernel, l1 * sum|w| (Keras kernel_regularizer=L1L2(l1=...), default 0)</source>
        <translation>Penalización L1 de los pesos, l1 * sum|w| (kernel_regularizer=L1L2(l1=...) de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>L2 penalty on the kernel, l2 * sum w^2 (Keras kernel_regularizer=L1L2(l2=...), default 0)</source>
        <translation>Penalización L2 de los pesos, l2 * sum w^2 (kernel_regularizer=L1L2(l2=...) de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>Dropout rate: the fraction of inputs zeroed while training (Keras Dropout(rate)), in [0, 1)</source>
        <translation>Tasa de dropout: la fracción de entradas que se anulan durante el entrenamiento (Dropout(rate) de Keras), en [0, 1)</translation>
    </message>
    <message>
        <source>Slope for x &lt; 0 (Keras LeakyReLU(negative_slope), default 0.3)</source>
        <translation>Pendiente para x &lt; 0 (LeakyReLU(negative_slope) de Keras, por defecto 0.3)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activación</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>Inicializador</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Slope</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Not a valid value</source>
        <translation>No es un valor válido</translation>
    </message>
    <message>
        <source>Layer type: Dense, Activation, LeakyReLU, Dropout, BatchNormalization, Flatten, or an augmentation layer (RandomTranslation, RandomRotation, RandomZoom, ElasticDeformation) before Flatten</source>
        <translation>Tipo de capa: Dense, Activation, LeakyReLU, Dropout, BatchNormalization, Flatten, o una capa de aumento de datos (RandomTranslation, RandomRotation, RandomZoom, ElasticDeformation) antes de Flatten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Training on %L1 samples, validating on %L2</source>
        <translation>Entrenando con %L1 muestras, validando con %L2</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>No se pudo cargar %1: %2</translation>
    </message>
    <message>
        <source>The preset experiments were not found (resources/presets): starting from an empty experiment</source>
        <translation>No se encontraron los experimentos predefinidos (resources/presets): se parte de un experimento vacío</translation>
    </message>
    <message>
        <source>Ready: press Start to train %1</source>
        <translation>Listo: pulsa Iniciar para entrenar %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New experiment</source>
        <translation>&amp;Nuevo experimento</translation>
    </message>
    <message>
        <source>Start from the 784-512-10 baseline, unsaved</source>
        <translation>Partir del modelo base 784-512-10, sin guardar</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>&amp;Abrir experimento…</translation>
    </message>
    <message>
        <source>&amp;Save experiment</source>
        <translation>&amp;Guardar experimento</translation>
    </message>
    <message>
        <source>Save experiment &amp;as…</source>
        <translation>Guardar experimento &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Preajustes</translation>
    </message>
    <message>
        <source>Cannot read this preset: %1</source>
        <translation>No se puede leer este preajuste: %1</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Train the experiment as it stands (Ctrl+R)</source>
        <translation>Entrenar el experimento tal como está (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Hold training between two batches; press again to resume (Ctrl+P)</source>
        <translation>Detener el entrenamiento entre dos lotes; pulsa de nuevo para reanudarlo (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenando</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop after the current batch (Ctrl+.)</source>
        <translation>Detener tras el lote actual (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Fix the problems listed under the editor first</source>
        <translation>Corrige antes los problemas indicados bajo el editor</translation>
    </message>
    <message>
        <source>%1[*] — MLP Workbench</source>
        <translation>%1[*] — MLP Workbench</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>Cannot read the baseline preset, starting without layers: %1</source>
        <translation>No se puede leer el preajuste base; se parte sin capas: %1</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>No se puede abrir el experimento</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <source>Cannot save the experiment</source>
        <translation>No se puede guardar el experimento</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Abrir experimento</translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation>Experimentos (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>Guardar experimento</translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation>Experimentos (*.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The experiment has unsaved changes. Save them?</source>
        <translation>El experimento tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>— %1 —</source>
        <translation>— %1 —</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>Preparando %1…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>OpenMP threads: %1</source>
        <translation>Hilos de OpenMP: %1</translation>
    </message>
    <message>
        <source>Stopping the run before closing…</source>
        <translation>Deteniendo la ejecución antes de cerrar…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspección</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galería</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dibujo</translation>
    </message>
    <message>
        <source>A new experiment from the run of %1</source>
        <translation>Un experimento nuevo a partir de la ejecución de %1</translation>
    </message>
    <message>
        <source>Training on %L1 samples, no validation (validation_split 0): the test set is the evaluation, once, after training</source>
        <translation>Entrenando con %L1 muestras, sin validación (validation_split 0): el conjunto de prueba es la evaluación, una sola vez, tras el entrenamiento</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>%1, %2
epoch %3: %4</source>
        <translation>%1, %2
época %3: %4</translation>
    </message>
</context>
<context>
    <name>MetricOverlay</name>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>%1 (mean ± sd)</source>
        <translation>%1 (media ± sd)</translation>
    </message>
    <message>
        <source>%1 (mean, min–max)</source>
        <translation>%1 (media, mín–máx)</translation>
    </message>
</context>
<context>
    <name>ModelFileActions</name>
    <message>
        <source>Save &amp;model…</source>
        <translation>Guardar &amp;modelo…</translation>
    </message>
    <message>
        <source>Open mo&amp;del…</source>
        <translation>Abrir m&amp;odelo…</translation>
    </message>
    <message>
        <source>&amp;Evaluate on the test set</source>
        <translation>&amp;Evaluar con el conjunto de prueba</translation>
    </message>
    <message>
        <source>Open recent mode&amp;l</source>
        <translation>Abrir mode&amp;lo reciente</translation>
    </message>
    <message>
        <source>Save the current run&apos;s final weights as a model file (.mlpw, as mlpw train writes)</source>
        <translation>Guardar los pesos finales de la ejecución actual como archivo de modelo (.mlpw, como lo escribe mlpw train)</translation>
    </message>
    <message>
        <source>Open a model file (.mlpw) as a run: its experiment, history and weights</source>
        <translation>Abrir un archivo de modelo (.mlpw) como una ejecución: su experimento, su historial y sus pesos</translation>
    </message>
    <message>
        <source>Test the current run&apos;s final weights on its data set&apos;s test images</source>
        <translation>Probar los pesos finales de la ejecución actual con las imágenes de prueba de su conjunto de datos</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>No se puede guardar el modelo</translation>
    </message>
    <message>
        <source>Saved the model of %1 to %2</source>
        <translation>Guardado el modelo de %1 en %2</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>No se puede abrir el modelo</translation>
    </message>
    <message numerus="yes">
        <source>Opened the model %1 (%2, %n epoch(s))</source>
        <translation>
            <numerusform>Abierto el modelo %1 (%2, %n época)</numerusform>
            <numerusform>Abierto el modelo %1 (%2, %n épocas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluating %1 on the test set of %2…</source>
        <translation>Evaluando %1 con el conjunto de prueba de %2…</translation>
    </message>
    <message>
        <source>Cannot evaluate on the test set: %1</source>
        <translation>No se puede evaluar con el conjunto de prueba: %1</translation>
    </message>
    <message>
        <source>%1 on %L2 test images: test accuracy %3 - test loss %4</source>
        <translation>%1 con %L2 imágenes de prueba: exactitud de prueba %3 - pérdida de prueba %4</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Guardar modelo</translation>
    </message>
    <message>
        <source>Model files (*.mlpw)</source>
        <translation>Archivos de modelo (*.mlpw)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Abrir modelo</translation>
    </message>
    <message>
        <source>Model files (*.mlpw);;All files (*)</source>
        <translation>Archivos de modelo (*.mlpw);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Continue training from these weights</source>
        <translation>&amp;Continuar el entrenamiento desde estos pesos</translation>
    </message>
    <message>
        <source>Train the editor&apos;s experiment starting from the weights of the opened model file instead of the initialisers (fine-tuning; its layers and normalisation must match)</source>
        <translation>Entrenar el experimento del editor partiendo de los pesos del archivo de modelo abierto en lugar de los inicializadores (ajuste fino; sus capas y su normalización deben coincidir)</translation>
    </message>
</context>
<context>
    <name>MyDigits</name>
    <message>
        <source>%1: the images are %2x%3, expected 28x28</source>
        <translation>%1: las imágenes son de %2x%3; se esperaban de 28x28</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: no se puede crear la carpeta</translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>

Not a number</source>
        <translation>

No es un número</translation>
    </message>
</context>
<context>
    <name>OnnxFileActions</name>
    <message>
        <source>Export to ONNX</source>
        <translation>Exportar a ONNX</translation>
    </message>
    <message>
        <source>There is no trained run to export yet: train the experiment first.</source>
        <translation>Todavía no hay ninguna ejecución entrenada que exportar: entrena antes el experimento.</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>Modelos ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Import ONNX model</source>
        <translation>Importar modelo ONNX</translation>
    </message>
    <message>
        <source>Save the imported model as</source>
        <translation>Guardar el modelo importado como</translation>
    </message>
    <message>
        <source>MLP Workbench models (*.mlpw)</source>
        <translation>Modelos de MLP Workbench (*.mlpw)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>&amp;ONNX…</translation>
    </message>
    <message>
        <source>Write the current run&apos;s final weights as an ONNX model (opset 13)</source>
        <translation>Escribir los pesos finales de la ejecución actual como modelo ONNX (opset 13)</translation>
    </message>
    <message>
        <source>&amp;Import ONNX…</source>
        <translation>&amp;Importar ONNX…</translation>
    </message>
    <message>
        <source>Read an ONNX MLP (PyTorch, tf2onnx) and save it as a workbench model file</source>
        <translation>Leer un MLP en ONNX (PyTorch, tf2onnx) y guardarlo como archivo de modelo de MLP Workbench</translation>
    </message>
    <message>
        <source>Wrote %1: the final weights of &quot;%2&quot; as an ONNX model (input &quot;image&quot; {N, %3, %4} = pixel / 255, output &quot;probabilities&quot;).</source>
        <translation>Escrito %1: los pesos finales de &quot;%2&quot; como modelo ONNX (entrada &quot;image&quot; {N, %3, %4} = píxel / 255, salida &quot;probabilities&quot;).</translation>
    </message>
    <message>
        <source>Imported %1 (%2 layers, normalisation %3) and saved it as the model file %4, which the window now opens.</source>
        <translation>Importado %1 (%2 capas, normalización %3) y guardado como el archivo de modelo %4, que la ventana abre ahora.</translation>
    </message>
</context>
<context>
    <name>OptimizerOption</name>
    <message>
        <source>&amp;Learning rate</source>
        <translation>&amp;Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Step size (Keras learning_rate; SGD 0.01, the others 0.001)</source>
        <translation>Tamaño del paso (learning_rate de Keras; SGD 0.01, los demás 0.001)</translation>
    </message>
    <message>
        <source>&amp;Momentum</source>
        <translation>&amp;Momento</translation>
    </message>
    <message>
        <source>Velocity kept from the previous step (Keras momentum, default 0)</source>
        <translation>Velocidad que se conserva del paso anterior (momentum de Keras, por defecto 0)</translation>
    </message>
    <message>
        <source>&amp;Nesterov</source>
        <translation>&amp;Nesterov</translation>
    </message>
    <message>
        <source>Nesterov&apos;s look-ahead momentum (Keras nesterov, default off)</source>
        <translation>Momento de Nesterov, que mira un paso por delante (nesterov de Keras, por defecto desactivado)</translation>
    </message>
    <message>
        <source>Initial accumulator</source>
        <translation>Acumulador inicial</translation>
    </message>
    <message>
        <source>Starting value of the squared-gradient sums (Keras initial_accumulator_value, default 0.1)</source>
        <translation>Valor inicial de las sumas de gradientes al cuadrado (initial_accumulator_value de Keras, por defecto 0.1)</translation>
    </message>
    <message>
        <source>&amp;Rho</source>
        <translation>&amp;Rho</translation>
    </message>
    <message>
        <source>Decay of the squared-gradient average (Keras rho, default 0.9)</source>
        <translation>Decaimiento de la media de los gradientes al cuadrado (rho de Keras, por defecto 0.9)</translation>
    </message>
    <message>
        <source>&amp;Centered</source>
        <translation>&amp;Centrado</translation>
    </message>
    <message>
        <source>Normalise by the gradient&apos;s variance, not its second moment (Keras centered, default off)</source>
        <translation>Normalizar con la varianza del gradiente, no con su segundo momento (centered de Keras, por defecto desactivado)</translation>
    </message>
    <message>
        <source>Beta &amp;1</source>
        <translation>Beta &amp;1</translation>
    </message>
    <message>
        <source>Decay of the first-moment estimate (Keras beta_1, default 0.9)</source>
        <translation>Decaimiento de la estimación del primer momento (beta_1 de Keras, por defecto 0.9)</translation>
    </message>
    <message>
        <source>Beta &amp;2</source>
        <translation>Beta &amp;2</translation>
    </message>
    <message>
        <source>Decay of the second-moment estimate (Keras beta_2, default 0.999)</source>
        <translation>Decaimiento de la estimación del segundo momento (beta_2 de Keras, por defecto 0.999)</translation>
    </message>
    <message>
        <source>AMS&amp;Grad</source>
        <translation>AMS&amp;Grad</translation>
    </message>
    <message>
        <source>Use the maximum of past second moments (Keras amsgrad, default off)</source>
        <translation>Usar el máximo de los segundos momentos anteriores (amsgrad de Keras, por defecto desactivado)</translation>
    </message>
    <message>
        <source>&amp;Epsilon</source>
        <translation>&amp;Épsilon</translation>
    </message>
    <message>
        <source>Added to the denominator for stability (Keras epsilon, default 1e-07)</source>
        <translation>Se suma al denominador para dar estabilidad (epsilon de Keras, por defecto 1e-07)</translation>
    </message>
    <message>
        <source>Clip &amp;norm</source>
        <translation>Recorte por &amp;norma</translation>
    </message>
    <message>
        <source>Clip each gradient tensor to this L2 norm; 0 is off (Keras clipnorm, default None)</source>
        <translation>Recortar cada tensor de gradientes a esta norma L2; 0 lo desactiva (clipnorm de Keras, por defecto None)</translation>
    </message>
    <message>
        <source>Clip &amp;value</source>
        <translation>Recorte por &amp;valor</translation>
    </message>
    <message>
        <source>Clip each gradient element to [-v, v]; 0 is off (Keras clipvalue, default None)</source>
        <translation>Recortar cada elemento del gradiente a [-v, v]; 0 lo desactiva (clipvalue de Keras, por defecto None)</translation>
    </message>
    <message>
        <source>&amp;Weight decay</source>
        <translation>&amp;Decaimiento de pesos</translation>
    </message>
    <message>
        <source>Decoupled weight decay: w -= learning_rate * weight_decay * w at each step, biases included (Keras AdamW weight_decay, default 0.004)</source>
        <translation>Decaimiento de pesos desacoplado: w -= learning_rate * weight_decay * w en cada paso, sesgos incluidos (weight_decay de AdamW de Keras, por defecto 0.004)</translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <source>&amp;Optimiser</source>
        <translation>&amp;Optimizador</translation>
    </message>
    <message>
        <source>(Keras default: off)</source>
        <translation>(por defecto en Keras: desactivado)</translation>
    </message>
    <message>
        <source>Keras default: %1</source>
        <translation>Por defecto en Keras: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>The update rule (Keras optimizer=...). SGD: plain or with momentum/Nesterov; Adagrad, RMSprop, Adam, Nadam (Adam with Nesterov momentum) and AdamW (Adam with decoupled weight decay) adapt the step per weight. Changing it loads that optimiser&apos;s Keras defaults.</source>
        <translation>La regla de actualización (Keras optimizer=...). SGD: simple o con momento/Nesterov; Adagrad, RMSprop, Adam, Nadam (Adam con momento de Nesterov) y AdamW (Adam con decaimiento de pesos desacoplado) adaptan el paso a cada peso. Al cambiarlo se cargan los valores por defecto de Keras de ese optimizador.</translation>
    </message>
</context>
<context>
    <name>OverlayView</name>
    <message>
        <source>Click a legend entry to hide or show its curve</source>
        <translation>Haga clic en una entrada de la leyenda para ocultar o mostrar su curva</translation>
    </message>
</context>
<context>
    <name>PredictionService</name>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Predicting the %1 images…</source>
        <translation>Prediciendo las imágenes de %1…</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>Layer %1: %2</source>
        <translation>Capa %1: %2</translation>
    </message>
    <message>
        <source>Layer %1, %2: %3</source>
        <translation>Capa %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
</context>
<context>
    <name>ReportSections</name>
    <message>
        <source>Other runs</source>
        <translation>Otras ejecuciones</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Training progress</source>
        <translation>Progreso del entrenamiento</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Training progress details</source>
        <translation>Detalles del progreso del entrenamiento</translation>
    </message>
    <message>
        <source>Training log</source>
        <translation>Registro del entrenamiento</translation>
    </message>
    <message>
        <source>One line per epoch, as Keras&apos; fit(verbose=2) prints it, and the callbacks&apos; messages</source>
        <translation>Una línea por época, tal como la imprime fit(verbose=2) de Keras, y los mensajes de los callbacks</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · batch %3/%4</source>
        <translation>Época %1/%2 · lote %3/%4</translation>
    </message>
    <message>
        <source> · %L1 samples/s</source>
        <translation> · %L1 muestras/s</translation>
    </message>
    <message>
        <source> · ETA %1</source>
        <translation> · quedan %1</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · done</source>
        <translation>Época %1/%2 · terminada</translation>
    </message>
</context>
<context>
    <name>RunProject</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the project folder</source>
        <translation>%1: no se puede crear la carpeta del proyecto</translation>
    </message>
    <message>
        <source>%1: cannot copy it into %2</source>
        <translation>%1: no se puede copiar en %2</translation>
    </message>
    <message>
        <source>run</source>
        <translation>ejecución</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: cannot rename %2 to it</source>
        <translation>%1: no se puede renombrar %2 con ese nombre</translation>
    </message>
    <message>
        <source>Cannot save the run</source>
        <translation>No se puede guardar la ejecución</translation>
    </message>
    <message>
        <source>Some runs of the project cannot be read; the others are loaded</source>
        <translation>Algunas ejecuciones del proyecto no se pueden leer; las demás se han cargado</translation>
    </message>
    <message>
        <source>Some runs cannot be imported; the others are</source>
        <translation>Algunas ejecuciones no se pueden importar; las demás sí</translation>
    </message>
    <message>
        <source>Cannot import the run</source>
        <translation>No se puede importar la ejecución</translation>
    </message>
    <message>
        <source>%1: cannot be written into the project</source>
        <translation>%1: no se puede escribir en el proyecto</translation>
    </message>
    <message>
        <source>Cannot rename the run</source>
        <translation>No se puede renombrar la ejecución</translation>
    </message>
    <message>
        <source>%1: cannot be renamed to %2</source>
        <translation>%1: no se puede renombrar como %2</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>Runs left out</source>
        <translation>Ejecuciones excluidas</translation>
    </message>
    <message>
        <source>No runs.</source>
        <translation>No hay ejecuciones.</translation>
    </message>
    <message>
        <source> (mean over seeds, band: min to max)</source>
        <translation> (media sobre las semillas, banda: de mínimo a máximo)</translation>
    </message>
    <message>
        <source>Reference experiment (the first row), as run</source>
        <translation>Experimento de referencia (la primera fila), tal como se ejecutó</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>configuración</translation>
    </message>
    <message>
        <source>differs from the first row</source>
        <translation>diferencias con la primera fila</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>semillas</translation>
    </message>
    <message>
        <source>best epoch</source>
        <translation>mejor época</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>épocas</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>vs best</source>
        <translation>frente a la mejor</translation>
    </message>
    <message>
        <source>mean ± sample standard deviation over the seeds; val_acc and val_loss of the weights each run kept (its last epoch, or the one restored), like test_acc; best epoch by val_loss; &quot;within the seed spread&quot;: |mean difference| &amp;lt;= sd + sd of the two rows&apos; accuracies.</source>
        <translation>media ± desviación típica muestral sobre las semillas; val_acc y val_loss de los pesos que conservó cada ejecución (su última época, o la restaurada), como test_acc; mejor época según val_loss; &quot;dentro de la dispersión de las semillas&quot;: |diferencia de medias| &amp;lt;= sd + sd de las exactitudes de las dos filas.</translation>
    </message>
    <message>
        <source>Test confusion matrix of %1 (seed %2): rows true class, columns predicted</source>
        <translation>Matriz de confusión de prueba de %1 (semilla %2): filas, clase real; columnas, predicha</translation>
    </message>
    <message>
        <source>The runs behind each row</source>
        <translation>Las ejecuciones de cada fila</translation>
    </message>
    <message>
        <source>Machine, threads and versions</source>
        <translation>Máquina, hilos y versiones</translation>
    </message>
    <message>
        <source>host</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>load when reported</source>
        <translation>carga al escribir el informe</translation>
    </message>
    <message>
        <source>OpenMP threads of the runs</source>
        <translation>hilos OpenMP de las ejecuciones</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>versiones</translation>
    </message>
    <message>
        <source>Host, CPU and load are those of the machine that wrote this report; the runs may have been made elsewhere (their threads are as each run recorded them).</source>
        <translation>El equipo, la CPU y la carga son los de la máquina que escribió este informe; las ejecuciones pueden haberse hecho en otra (sus hilos son los que registró cada ejecución).</translation>
    </message>
    <message>
        <source>%1: the report&apos;s file name must end in .html or .pdf</source>
        <translation>%1: el nombre del archivo del informe debe terminar en .html o .pdf</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n logical core(s))</source>
        <translation>
            <numerusform>%1 (%n núcleo lógico)</numerusform>
            <numerusform>%1 (%n núcleos lógicos)</numerusform>
        </translation>
    </message>
    <message>
        <source>No run holds out a validation split (validation_split 0): each is evaluated once, on the test set, after training; its best epoch is the lowest training loss, nothing is chosen on the test set.</source>
        <translation>Ninguna ejecución reserva una división de validación (validation_split 0): cada una se evalúa una vez, con el conjunto de prueba, tras el entrenamiento; su mejor época es la de menor pérdida de entrenamiento, no se elige nada con el conjunto de prueba.</translation>
    </message>
</context>
<context>
    <name>RunsOverlay</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>%1 de %n ejecución</numerusform>
            <numerusform>%1 de %n ejecuciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>reference</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 pp</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <source>Within the seed spread: |mean A − mean B| ≤ sd A + sd B of the val accuracies (two or more runs each; Repeat × N makes them)</source>
        <translation>Dentro de la dispersión de las semillas: |media A − media B| ≤ sd A + sd B de las exactitudes de validación (dos o más ejecuciones cada una; Repetir × N las crea)</translation>
    </message>
    <message>
        <source>The reference run</source>
        <translation>La ejecución de referencia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Differs from the reference</source>
        <translation>Diferencias con la referencia</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Mejor época</translation>
    </message>
    <message>
        <source>Val acc %</source>
        <translation>Exact. val. %</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Pérdida val.</translation>
    </message>
    <message>
        <source>Test acc %</source>
        <translation>Exact. prueba %</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Val acc vs reference</source>
        <translation>Exact. val. frente a la referencia</translation>
    </message>
    <message>
        <source>none (test set)</source>
        <translation>ninguna (conjunto de prueba)</translation>
    </message>
    <message>
        <source>No validation (validation_split 0): the test set is this run&apos;s evaluation, once, after training; no epoch is chosen on it</source>
        <translation>Sin validación (validation_split 0): el conjunto de prueba es la evaluación de esta ejecución, una sola vez, tras el entrenamiento; no se elige ninguna época con él</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Group seeds</source>
        <translation>A&amp;grupar semillas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cannot rename the run</source>
        <translation>No se puede renombrar la ejecución</translation>
    </message>
    <message>
        <source>“%1” is taken by another run or cannot be a folder name.</source>
        <translation>“%1” ya lo usa otra ejecución o no puede ser un nombre de carpeta.</translation>
    </message>
    <message>
        <source>The metric the overlay shows (Keras&apos; history names)</source>
        <translation>La métrica que muestra la superposición (los nombres del historial de Keras)</translation>
    </message>
    <message>
        <source>±1 sd band</source>
        <translation>banda de ±1 sd</translation>
    </message>
    <message>
        <source>min–max band</source>
        <translation>banda mín–máx</translation>
    </message>
    <message>
        <source>The band around a seed group&apos;s mean line</source>
        <translation>La banda alrededor de la línea media de un grupo de semillas</translation>
    </message>
    <message>
        <source>One row per experiment run with several seeds (Repeat × N): mean ± sd</source>
        <translation>Una fila por experimento ejecutado con varias semillas (Repetir × N): media ± sd</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Exportar tabla…</translation>
    </message>
    <message>
        <source>The table as CSV</source>
        <translation>La tabla como CSV</translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation>Exportar gráfico…</translation>
    </message>
    <message>
        <source>The plot shown as PNG or SVG</source>
        <translation>El gráfico mostrado como PNG o SVG</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposición</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Barrido</translation>
    </message>
    <message>
        <source>Stop the current run and drop the queued ones</source>
        <translation>Detener la ejecución actual y descartar las que esperan en cola</translation>
    </message>
    <message>
        <source>Reference: none</source>
        <translation>Referencia: ninguna</translation>
    </message>
    <message>
        <source>Reference: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Referencia: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Right-click a run: Set as reference; the Differs column compares with it</source>
        <translation>Clic derecho en una ejecución: Usar como referencia; la columna Diferencias compara con ella</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Re&amp;nombrar…</translation>
    </message>
    <message>
        <source>Rename the run</source>
        <translation>Renombrar la ejecución</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>&amp;New experiment from this run</source>
        <translation>Nuevo e&amp;xperimento a partir de esta ejecución</translation>
    </message>
    <message>
        <source>Set as &amp;reference</source>
        <translation>Usar como &amp;referencia</translation>
    </message>
    <message>
        <source>&amp;Copy as CSV</source>
        <translation>&amp;Copiar como CSV</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Copiar como &amp;Markdown</translation>
    </message>
    <message>
        <source>Select runs in the table to overlay their curves</source>
        <translation>Selecciona ejecuciones en la tabla para superponer sus curvas</translation>
    </message>
    <message>
        <source>No finished runs of the sweep over %1 with numeric values yet</source>
        <translation>Todavía no hay ejecuciones terminadas del barrido sobre %1 con valores numéricos</translation>
    </message>
    <message>
        <source>Run a sweep over one numeric field (Run &gt; Sweep…) to plot the metric against its values</source>
        <translation>Haz un barrido sobre un campo numérico (Ejecutar &gt; Barrido…) para representar la métrica frente a sus valores</translation>
    </message>
    <message>
        <source>%1: run %2 of %3</source>
        <translation>%1: ejecución %2 de %3</translation>
    </message>
    <message>
        <source>%1: run %2 of %3, about %4 left</source>
        <translation>%1: ejecución %2 de %3, quedan unos %4</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Eliminar ejecuciones</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) from the window and their folders from the project?
%1</source>
        <translation>
            <numerusform>¿Eliminar %n ejecución de la ventana y su carpeta del proyecto?
%1</numerusform>
            <numerusform>¿Eliminar %n ejecuciones de la ventana y sus carpetas del proyecto?
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the runs table</source>
        <translation>Exportar la tabla de ejecuciones</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>No se puede exportar la tabla</translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation>Exportar el gráfico</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
    <message>
        <source>Cannot export the plot</source>
        <translation>No se puede exportar el gráfico</translation>
    </message>
</context>
<context>
    <name>SampleDigitsPanel</name>
    <message>
        <source>Validation samples</source>
        <translation>Muestras de validación</translation>
    </message>
    <message>
        <source>No run yet: train one, or open a run or a model</source>
        <translation>Todavía no hay ninguna ejecución: entrene una o abra una ejecución o un modelo</translation>
    </message>
</context>
<context>
    <name>SampleDigitsText</name>
    <message>
        <source>Validation samples, epoch %1: %2 of %3 right</source>
        <translation>Muestras de validación, época %1: %2 de %3 acertadas</translation>
    </message>
    <message>
        <source>Validation samples</source>
        <translation>Muestras de validación</translation>
    </message>
    <message>
        <source>No sample panel (the record holds no validation samples)</source>
        <translation>No hay panel de muestras (el registro no contiene muestras de validación)</translation>
    </message>
    <message>
        <source>No validation samples (validation_split 0)</source>
        <translation>Sin muestras de validación (validation_split 0)</translation>
    </message>
    <message>
        <source>This run holds out no validation images, so there are no samples to follow from epoch to epoch. Its evaluation is the test set, once, after training: the Gallery tab shows those images with their predictions.</source>
        <translation>Esta ejecución no reserva imágenes de validación, así que no hay muestras que seguir de una época a otra. Su evaluación es el conjunto de prueba, una vez, tras el entrenamiento: la pestaña Galería muestra esas imágenes con sus predicciones.</translation>
    </message>
    <message>
        <source>Test set: accuracy %1 on %L2 images.</source>
        <translation>Conjunto de prueba: exactitud %1 en %L2 imágenes.</translation>
    </message>
</context>
<context>
    <name>SamplePredictions</name>
    <message>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
</context>
<context>
    <name>SampleTile</name>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>true %1</source>
        <translation>real %1</translation>
    </message>
</context>
<context>
    <name>ScheduleOption</name>
    <message>
        <source>&amp;Initial rate</source>
        <translation>Tasa &amp;inicial</translation>
    </message>
    <message>
        <source>The rate at step 0 (Keras initial_learning_rate)</source>
        <translation>La tasa en el paso 0 (Keras initial_learning_rate)</translation>
    </message>
    <message>
        <source>&amp;Decay steps</source>
        <translation>Pasos de &amp;decaimiento</translation>
    </message>
    <message>
        <source>Optimiser steps over which the rate decays (Keras decay_steps, &gt; 0)</source>
        <translation>Pasos del optimizador a lo largo de los que decae la tasa (Keras decay_steps, &gt; 0)</translation>
    </message>
    <message>
        <source>Decay &amp;rate</source>
        <translation>&amp;Tasa de decaimiento</translation>
    </message>
    <message>
        <source>Factor per decay_steps steps (Keras decay_rate)</source>
        <translation>Factor por cada decay_steps pasos (Keras decay_rate)</translation>
    </message>
    <message>
        <source>&amp;Staircase</source>
        <translation>&amp;Escalonado</translation>
    </message>
    <message>
        <source>Decay in whole steps of decay_steps (Keras staircase, default off)</source>
        <translation>Decae en saltos enteros de decay_steps (Keras staircase, por defecto desactivado)</translation>
    </message>
    <message>
        <source>&amp;Alpha</source>
        <translation>&amp;Alfa</translation>
    </message>
    <message>
        <source>The final rate as a fraction of the decayed-from rate (Keras alpha, default 0)</source>
        <translation>La tasa final como fracción de la tasa de partida (Keras alpha, por defecto 0)</translation>
    </message>
    <message>
        <source>&amp;Warm-up target</source>
        <translation>&amp;Objetivo del calentamiento</translation>
    </message>
    <message>
        <source>The rate reached by linear warm-up before the decay; 0 is no warm-up (Keras warmup_target=None)</source>
        <translation>La tasa alcanzada por el calentamiento lineal antes del decaimiento; 0 es sin calentamiento (Keras warmup_target=None)</translation>
    </message>
    <message>
        <source>Warm-up s&amp;teps</source>
        <translation>&amp;Pasos de calentamiento</translation>
    </message>
    <message>
        <source>Optimiser steps of the warm-up (Keras warmup_steps, default 0)</source>
        <translation>Pasos del optimizador del calentamiento (Keras warmup_steps, por defecto 0)</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>A constant rate, or a Keras schedule that sets the rate from the optimiser&apos;s step count (learning_rate=keras.optimizers.schedules...). Choosing one starts from its Keras defaults.</source>
        <translation>Una tasa constante, o un programa de Keras que fija la tasa según el número de pasos del optimizador (learning_rate=keras.optimizers.schedules...). Al elegir uno se parte de sus valores por defecto de Keras.</translation>
    </message>
    <message>
        <source>Learning rate &amp;schedule</source>
        <translation>&amp;Programa de la tasa de aprendizaje</translation>
    </message>
    <message>
        <source>(Keras default: off)</source>
        <translation>(por defecto en Keras: desactivado)</translation>
    </message>
    <message>
        <source>Optimiser steps where the rate changes, strictly increasing, comma-separated (Keras boundaries)</source>
        <translation>Pasos del optimizador en los que cambia la tasa, estrictamente crecientes, separados por comas (Keras boundaries)</translation>
    </message>
    <message>
        <source>The rates before, between and after the boundaries: one more than the boundaries (Keras values)</source>
        <translation>Las tasas antes, entre y después de los límites: una más que límites (Keras values)</translation>
    </message>
    <message>
        <source>&amp;Boundaries</source>
        <translation>&amp;Límites</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>&amp;Valores</translation>
    </message>
</context>
<context>
    <name>StudyRuns</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not found in %1</source>
        <translation>no se encuentra en %1</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Layer (type)</source>
        <translation>Capa (tipo)</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>Forma de salida</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>Resumen del modelo</translation>
    </message>
    <message>
        <source>What Keras&apos; model.summary() prints: output shape (None is the batch) and parameters per layer</source>
        <translation>Lo que imprime model.summary() de Keras: forma de salida (None es el lote) y parámetros por capa</translation>
    </message>
    <message>
        <source>Estimated before training: weights, gradients and optimiser slots in oneDNN&apos;s layout, copies of the weights, activations for the largest batch, and the images</source>
        <translation>Estimación previa al entrenamiento: pesos, gradientes y estado del optimizador en la disposición de oneDNN, copias de los pesos, activaciones del lote más grande y las imágenes</translation>
    </message>
    <message>
        <source>No summary: %1</source>
        <translation>Sin resumen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total params:&lt;/b&gt; %1 (%2 MB) &amp;nbsp; &lt;b&gt;Trainable:&lt;/b&gt; %3 (%4 MB) &amp;nbsp; &lt;b&gt;Non-trainable:&lt;/b&gt; %5 (%6 MB)</source>
        <translation>&lt;b&gt;Parámetros totales:&lt;/b&gt; %1 (%2 MB) &amp;nbsp; &lt;b&gt;Entrenables:&lt;/b&gt; %3 (%4 MB) &amp;nbsp; &lt;b&gt;No entrenables:&lt;/b&gt; %5 (%6 MB)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Memory to train:&lt;/b&gt; about %1 (weights %2, gradients %3, optimiser slots %4, weight copies %5, activations %6)</source>
        <translation>&lt;b&gt;Memoria para entrenar:&lt;/b&gt; unos %1 (pesos %2, gradientes %3, estado del optimizador %4, copias de los pesos %5, activaciones %6)</translation>
    </message>
    <message>
        <source> plus %1 of images</source>
        <translation> más %1 de imágenes</translation>
    </message>
    <message>
        <source>; available %1</source>
        <translation>; disponibles %1</translation>
    </message>
    <message>
        <source>too little: Start would be refused</source>
        <translation>insuficiente: Iniciar se rechazaría</translation>
    </message>
</context>
<context>
    <name>SweepBuilder</name>
    <message>
        <source>Sweep %1</source>
        <translation>Barrido de %1</translation>
    </message>
    <message>
        <source>e.g. 32, 64, 128  or  adam, sgd  or  {&quot;type&quot;: &quot;sgd&quot;, &quot;momentum&quot;: 0.9}, …</source>
        <translation>p. ej. 32, 64, 128  o  adam, sgd  o  {&quot;type&quot;: &quot;sgd&quot;, &quot;momentum&quot;: 0.9}, …</translation>
    </message>
    <message>
        <source>optional: a second field makes a grid</source>
        <translation>opcional: un segundo campo forma una rejilla</translation>
    </message>
    <message>
        <source>An option path of the experiment file, as in the CLI&apos;s sweep section</source>
        <translation>Una ruta de opción del archivo de experimento, como en la sección sweep de la CLI</translation>
    </message>
    <message>
        <source>Field %1:</source>
        <translation>Campo %1:</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Valores:</translation>
    </message>
    <message>
        <source>Each point is run with this many seeds (the table groups them: mean ± sd)</source>
        <translation>Cada punto se ejecuta con este número de semillas (la tabla las agrupa: media ± sd)</translation>
    </message>
    <message>
        <source>Seeds per point:</source>
        <translation>Semillas por punto:</translation>
    </message>
    <message>
        <source>&amp;Queue the runs</source>
        <translation>Poner en &amp;cola las ejecuciones</translation>
    </message>
    <message>
        <source>Choose a field and type its values.</source>
        <translation>Elige un campo y escribe sus valores.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), one after the other; the results land in the Runs table.</source>
        <translation>
            <numerusform>%n ejecución, una tras otra; los resultados llegan a la tabla de ejecuciones.</numerusform>
            <numerusform>%n ejecuciones, una tras otra; los resultados llegan a la tabla de ejecuciones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>%1 against %2</source>
        <translation>%1 frente a %2</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
    <message>
        <source>Accuracy and validation loss</source>
        <translation>Exactitud y pérdida de validación</translation>
    </message>
    <message>
        <source>val_loss</source>
        <translation>val_loss</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entren.</translation>
    </message>
    <message>
        <source>val</source>
        <translation>valid.</translation>
    </message>
    <message>
        <source>val_accuracy</source>
        <translation>val_accuracy</translation>
    </message>
    <message>
        <source>val_loss (right)</source>
        <translation>val_loss (derecha)</translation>
    </message>
    <message>
        <source>best %1</source>
        <translation>mejor %1</translation>
    </message>
    <message>
        <source>stop %1</source>
        <translation>parada %1</translation>
    </message>
    <message>
        <source>Hover a curve for its values</source>
        <translation>Pasa el ratón sobre una curva para ver sus valores</translation>
    </message>
    <message>
        <source>&amp;Loss and accuracy</source>
        <translation>&amp;Pérdida y exactitud</translation>
    </message>
    <message>
        <source>Accuracy &amp;&amp; &amp;val_loss</source>
        <translation>Exactitud &amp;&amp; &amp;val_loss</translation>
    </message>
    <message>
        <source>my digits</source>
        <translation>mis dígitos</translation>
    </message>
    <message>
        <source>my_digits_accuracy</source>
        <translation>my_digits_accuracy</translation>
    </message>
    <message>
        <source>history</source>
        <translation>historial</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>Pérdida y exactitud</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Learning &amp;rate</source>
        <translation>&amp;Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>lowest loss %1</source>
        <translation>menor pérdida %1</translation>
    </message>
</context>
<context>
    <name>TrainingOptionsPanel</name>
    <message>
        <source>Passes over the training data (Keras fit(epochs=...), default 1; the study uses 5)</source>
        <translation>Pasadas por los datos de entrenamiento (fit(epochs=...) de Keras, por defecto 1; el estudio usa 5)</translation>
    </message>
    <message>
        <source>Samples per optimiser step (Keras fit(batch_size=...), default 32)</source>
        <translation>Muestras por paso del optimizador (fit(batch_size=...) de Keras, por defecto 32)</translation>
    </message>
    <message>
        <source>Drives initialisation, shuffling and dropout: the same seed gives the same run (Keras keras.utils.set_random_seed; the study uses 13)</source>
        <translation>Gobierna la inicialización, el barajado y el dropout: la misma semilla da la misma ejecución (keras.utils.set_random_seed de Keras; el estudio usa 13)</translation>
    </message>
    <message>
        <source>Shuffle the training samples before each epoch (Keras fit(shuffle=...), default on)</source>
        <translation>Barajar las muestras de entrenamiento antes de cada época (fit(shuffle=...) de Keras, por defecto activado)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>OpenMP threads for training; automatic picks the measured best for this machine</source>
        <translation>Hilos de OpenMP para entrenar; automático elige el mejor valor medido en esta máquina</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>É&amp;pocas</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>Tamaño de &amp;lote</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>&amp;Semilla</translation>
    </message>
    <message>
        <source>S&amp;huffle</source>
        <translation>&amp;Barajar</translation>
    </message>
    <message>
        <source>&amp;Threads</source>
        <translation>&amp;Hilos</translation>
    </message>
    <message>
        <source>none: the layers&apos; initialisers</source>
        <translation>ninguno: los inicializadores de las capas</translation>
    </message>
    <message>
        <source>A model file (.mlpw) whose weights the run starts from, for fine-tuning (Keras model.load_weights(path) before fit); its layers must match this model&apos;s</source>
        <translation>Un archivo de modelo (.mlpw) de cuyos pesos parte la ejecución, para el ajuste fino (Keras model.load_weights(path) antes de fit); sus capas deben coincidir con las de este modelo</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Choose the model file to start from</source>
        <translation>Elige el archivo de modelo del que partir</translation>
    </message>
    <message>
        <source>&amp;Initial weights</source>
        <translation>Pesos &amp;iniciales</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>Pesos iniciales</translation>
    </message>
    <message>
        <source>Model files (*.mlpw);;All files (*)</source>
        <translation>Archivos de modelo (*.mlpw);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Keras&apos; mixed precision policy for fit. mixed_bfloat16: the Dense layers&apos; matrix products round their inputs, weights and gradients to bfloat16 and add in float32, about twice as fast on CPUs with AVX512_BF16; the weights, the optimiser and every evaluation stay float32. Default float32.</source>
        <translation>La política de precisión mixta de Keras para fit. mixed_bfloat16: los productos de matrices de las capas Dense redondean sus entradas, pesos y gradientes a bfloat16 y suman en float32, casi el doble de rápido en CPU con AVX512_BF16; los pesos, el optimizador y toda evaluación siguen en float32. Por defecto float32.</translation>
    </message>
    <message>
        <source>This CPU has no bfloat16 instructions (AVX512_BF16 or AMX)</source>
        <translation>Esta CPU no tiene instrucciones bfloat16 (AVX512_BF16 o AMX)</translation>
    </message>
    <message>
        <source>Dtype &amp;policy</source>
        <translation>&amp;Política de dtype</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>out of memory while allocating a buffer (the summary estimates what a run needs)</source>
        <translation>memoria insuficiente al reservar un búfer (el resumen estima lo que necesita una ejecución)</translation>
    </message>
</context>
<context>
    <name>WeightsPictureText</name>
    <message>
        <source>First layer weights</source>
        <translation>Pesos de la primera capa</translation>
    </message>
    <message>
        <source>No first-layer weights recorded for this epoch</source>
        <translation>No hay pesos de la primera capa registrados para esta época</translation>
    </message>
    <message>
        <source>First layer weights (%1, %2 units), epoch %3</source>
        <translation>Pesos de la primera capa (%1, %2 unidades), época %3</translation>
    </message>
    <message>
        <source>The first Dense layer takes %1 inputs, not the %2x%3 pixels</source>
        <translation>La primera capa Dense recibe %1 entradas, no los %2x%3 píxeles</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>peso</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <source>What-if early stopping: %1</source>
        <translation>Parada temprana hipotética: %1</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>would stop: epoch %1</source>
        <translation>pararía: época %1</translation>
    </message>
    <message>
        <source>kept: epoch %1</source>
        <translation>conservada: época %1</translation>
    </message>
    <message>
        <source>The run has no finished epoch to replay.</source>
        <translation>La ejecución no tiene ninguna época terminada que reproducir.</translation>
    </message>
    <message>
        <source>It would have stopped after epoch %1 of the %2 recorded (%3).</source>
        <translation>Habría parado tras la época %1 de las %2 registradas (%3).</translation>
    </message>
    <message>
        <source>It would not have stopped within the %1 recorded epochs.</source>
        <translation>No habría parado dentro de las %1 épocas registradas.</translation>
    </message>
    <message>
        <source>The recorded run ended early itself: this one would have trained on.</source>
        <translation>La ejecución registrada terminó antes por sí misma: esta habría seguido entrenando.</translation>
    </message>
    <message>
        <source>It restores epoch %1&apos;s weights:</source>
        <translation>Restaura los pesos de la época %1:</translation>
    </message>
    <message>
        <source>It keeps epoch %1&apos;s weights:</source>
        <translation>Conserva los pesos de la época %1:</translation>
    </message>
    <message>
        <source> val_accuracy %1 %, val_loss %2, accuracy %3 %, loss %4.</source>
        <translation> val_accuracy %1 %, val_loss %2, accuracy %3 %, loss %4.</translation>
    </message>
    <message>
        <source> accuracy %1 %, loss %2.</source>
        <translation> accuracy %1 %, loss %2.</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>Restore the best weights</source>
        <translation>Restaurar los mejores pesos</translation>
    </message>
    <message>
        <source>Only once the monitor reaches</source>
        <translation>Solo cuando el valor vigilado alcance</translation>
    </message>
    <message>
        <source>min_delta: a smaller change of the monitor is no improvement</source>
        <translation>min_delta: un cambio menor del valor vigilado no es una mejora</translation>
    </message>
    <message>
        <source>patience: epochs without improvement before stopping</source>
        <translation>patience: épocas sin mejora antes de parar</translation>
    </message>
    <message>
        <source>restore_best_weights: end with the weights of the best epoch seen</source>
        <translation>restore_best_weights: terminar con los pesos de la mejor época vista</translation>
    </message>
    <message>
        <source>start_from_epoch: epochs to wait before watching the monitor</source>
        <translation>start_from_epoch: épocas de espera antes de vigilar el valor</translation>
    </message>
    <message>
        <source>early_stopping_threshold: watch the monitor only once it has reached the threshold (no start_from_epoch)</source>
        <translation>early_stopping_threshold: vigilar el valor solo cuando haya alcanzado el umbral (sin start_from_epoch)</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Valor vigilado:</translation>
    </message>
    <message>
        <source>min_delta:</source>
        <translation>min_delta:</translation>
    </message>
    <message>
        <source>Patience:</source>
        <translation>Paciencia:</translation>
    </message>
    <message>
        <source>start_from_epoch:</source>
        <translation>start_from_epoch:</translation>
    </message>
    <message>
        <source>Select a finished run (Runs tab) to replay its history with other early-stopping settings.</source>
        <translation>Selecciona una ejecución terminada (pestaña Ejecuciones) para reproducir su historial con otros ajustes de parada temprana.</translation>
    </message>
</context>
<context>
    <name>export_figure</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exported by MLP Workbench</source>
        <translation>Exportado por MLP Workbench</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1: el nombre del archivo debe terminar en .png o .svg</translation>
    </message>
    <message>
        <source>Cannot encode %1</source>
        <translation>No se puede codificar %1</translation>
    </message>
</context>
<context>
    <name>runInBackground</name>
    <message>
        <source>out of memory</source>
        <translation>memoria insuficiente</translation>
    </message>
</context>
</TS>
