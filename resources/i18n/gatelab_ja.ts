<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdvancedOptions</name>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="16"/>
        <source>Advanced</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="21"/>
        <source>Training mode, activation, loss, initial weights, update order, optimizer, target loss</source>
        <translation>更新方式、活性化関数、損失関数、重みの初期値、更新の順序、最適化手法、目標損失</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="34"/>
        <source>online: update after every row (the article); batch: one update per step from the summed gradient of the 4 rows</source>
        <translation>オンライン: 1 行ごとに重みを更新します（記事と同じ）。バッチ: 4 行の勾配を合計して、1 ステップに 1 回だけ更新します</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="36"/>
        <source>Activation function of the hidden nodes (the output is sigmoid)</source>
        <translation>隠れ層のノードの活性化関数（出力層はシグモイド関数）</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="37"/>
        <source>squared: ½(yp − yt)² (the article); cross-entropy</source>
        <translation>二乗誤差: ½(yp − yt)²（記事と同じ）。交差エントロピー: −(yt log yp + (1 − yt) log(1 − yp))</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="38"/>
        <source>uniform: every weight in [0, 1) as in the article; xavier: scaled to the layer sizes, centred on 0</source>
        <translation>一様乱数: 記事と同じく、どの重みも [0, 1) の一様乱数です。Xavier: 0 を中心に、層の大きさに合わせた幅の乱数です</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="40"/>
        <source>textbook: backprop from the weights before the update; article: the article&apos;s code, whose hidden delta uses the output weights already updated</source>
        <translation>教科書の順序: 更新前の重みで誤差逆伝播します（教科書どおり）。記事のコードの順序: 記事のコードと同じく、隠れ層のデルタに更新済みの出力層の重みを使います</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="43"/>
        <source>How each weight moves down its gradient: gradient descent w ← w − α·g (the article); momentum vel ← 0.9·vel + g, w ← w − α·vel; Adam: running means of g and g², bias-corrected (β1 0.9, β2 0.999). The math panel shows each one&apos;s numbers</source>
        <translation>各重みが勾配に沿ってどう動くか: 勾配降下法 w ← w − α·g（記事の方法）、モーメンタム vel ← 0.9·vel + g, w ← w − α·vel、Adam: g と g² の移動平均をバイアス補正して使う(β1 0.9, β2 0.999)。数式パネルにそれぞれの数値が表示されます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="48"/>
        <source>Mode</source>
        <translation>更新方式</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="48"/>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="49"/>
        <source>Loss</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="49"/>
        <source>Initial weights</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="50"/>
        <source>Update order</source>
        <translation>更新の順序</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="50"/>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="63"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="64"/>
        <source>Stop once a step&apos;s loss falls below this value (empty: run all steps)</source>
        <translation>あるステップの損失がこの値を下回ったら学習を止めます（空欄: 全ステップを実行）</translation>
    </message>
    <message>
        <location filename="../../gui/controls/advanced_options.py" line="67"/>
        <source>Target loss</source>
        <translation>目標損失</translation>
    </message>
</context>
<context>
    <name>Animation</name>
    <message>
        <location filename="../../gui/files/animation_writer.py" line="98"/>
        <source>The window the frames are drawn in is not shown.</source>
        <translation>コマを描くウィンドウが表示されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/files/animation_writer.py" line="134"/>
        <source>Step {0:,} could not be rebuilt: {1}</source>
        <translation>ステップ {0:,} を再現できませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/animation_writer.py" line="142"/>
        <source>Frame {0} could not be drawn: {1}</source>
        <translation>{0} 枚目のコマを描けませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/animation_writer.py" line="184"/>
        <source>The GIF could not be made: {0}</source>
        <translation>GIF を作れませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>AnimationDialog</name>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="44"/>
        <source>Animation</source>
        <translation>アニメーション</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="45"/>
        <source>The run from step {0:,} to the step shown, {1:,}, as an animated GIF.</source>
        <translation>この学習のステップ {0:,} から、いま表示しているステップ {1:,} までを GIF アニメーションにします。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="49"/>
        <source>The 2D map of the output</source>
        <translation>出力の 2D マップ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="49"/>
        <source>The 3D surface</source>
        <translation>3D の曲面</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="50"/>
        <source>Both, side by side</source>
        <translation>両方を横に並べる</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="52"/>
        <source>The loss curve, with a dot at the step</source>
        <translation>損失の曲線（そのステップに点）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="56"/>
        <source>Spread evenly over the steps; more frames make a smoother and larger file</source>
        <translation>ステップ全体に等間隔に並べます。コマが多いほど滑らかになり、ファイルは大きくなります</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="62"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="63"/>
        <source>How long the frames play before they start again; the last frame shows for at least 1.5 s</source>
        <translation>最初に戻るまでの再生時間。最後のコマは少なくとも 1.5 秒表示します</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="69"/>
        <source>Turn the 3D view as it learns</source>
        <translation>学習に合わせて 3D ビューを回転</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="70"/>
        <source>A quarter turn over the animation, ending on the view you see now. Off: every frame shows the view you see now.</source>
        <translation>アニメーション全体で 4 分の 1 回転し、いま見ている視点で終わります。オフ: どのフレームもいま見ている視点です。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="113"/>
        <source>{0} frames in {1:g} s is not a length a GIF can play: each frame shows for {2:g} s to {3:g} s. Change the frames or the length.</source>
        <translation>{1:g} 秒で {0} コマは GIF で再生できる長さではありません。1 コマは {2:g} 秒から {3:g} 秒です。コマ数か再生時間を変えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="118"/>
        <source>{0} frames of {1} x {2} are too many pixels to keep (at most {3} million): fewer frames or a smaller size.</source>
        <translation>{1} x {2} の {0} コマは画素が多すぎて保持できません（最大 {3} 百万画素）。コマ数を減らすか、大きさを小さくしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="66"/>
        <source>800 x 600 suits a 4:3 slide, 1280 x 720 a 16:9 one; a larger size makes a larger file</source>
        <translation>800 x 600 は 4:3 のスライド、1280 x 720 は 16:9 のスライドに合います。大きいほどファイルも大きくなります</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="67"/>
        <source>Caption: gate, hidden nodes, alpha, seed, step, loss</source>
        <translation>説明を入れる: ゲート、隠れ層のノード、学習率、シード、ステップ、損失</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="75"/>
        <source>View:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="76"/>
        <source>Frames:</source>
        <translation>コマ数:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="77"/>
        <source>Length:</source>
        <translation>再生時間:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_dialog.py" line="78"/>
        <source>Size:</source>
        <translation>大きさ:</translation>
    </message>
</context>
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../gui/shell/animation_export.py" line="49"/>
        <source>An animation needs at least two steps to show: train the run first, or show a later step.</source>
        <translation>アニメーションには 2 つ以上のステップが必要です。先に学習するか、もっと後のステップを表示してください。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/animation_export.py" line="58"/>
        <source>Animation</source>
        <translation>アニメーション</translation>
    </message>
    <message>
        <location filename="../../gui/shell/animation_export.py" line="58"/>
        <source>GIF animation (*.gif)</source>
        <translation>GIF アニメーション (*.gif)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/animation_export.py" line="103"/>
        <source>Saved {0}: {1} frames, {2:,.0f} KB</source>
        <translation>{0} を保存しました: {1} コマ、{2:,.0f} KB</translation>
    </message>
</context>
<context>
    <name>AnimationProgress</name>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="16"/>
        <source>Making the animation</source>
        <translation>アニメーションを作成中</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="18"/>
        <source>Drawing frame 0 of {0} for {1}</source>
        <translation>{1} のコマを描いています: 0 / {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="23"/>
        <source>%v of %m frames</source>
        <translation>%v / %m コマ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="37"/>
        <source>Drawing frame {0} of {1} for {2}</source>
        <translation>{2} のコマを描いています: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="38"/>
        <source>Writing {2} ({1} frames)</source>
        <translation>{2} を書き込んでいます（{1} コマ）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/animation_progress.py" line="44"/>
        <source>Paused: the frames are drawn only while this window is shown.</source>
        <translation>一時停止中: コマはこのウィンドウが表示されている間だけ描かれます。</translation>
    </message>
</context>
<context>
    <name>ArticleGuideView</name>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="13"/>
        <source>Read the article beside GateLab: each part below is one section of it. Set up puts the window where that section is.</source>
        <translation>記事を GateLab と並べて読めます。下の各項目が記事の節に対応します。「準備する」で、その節の内容をウィンドウに用意します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="15"/>
        <source>Load the article&apos;s run for this section and show the view to look at</source>
        <translation>この節の記事の学習を読み込み、見るべき表示を出します</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="25"/>
        <source>The idea: a neuron adds and decides</source>
        <translation>アイデア: ニューロンは足し合わせて判断する</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="26"/>
        <source>The article starts from a nerve cell: it adds up the signals reaching it, each weighted, and fires when the sum is large enough. A perceptron is that sum and a threshold; GateLab&apos;s nodes use a smooth threshold, the sigmoid.</source>
        <translation>記事は神経細胞から始まります。届いた信号にそれぞれ重みを掛けて足し合わせ、合計が十分に大きいと発火します。パーセプトロンはこの合計と閾値です。GateLab のノードはなめらかな閾値であるシグモイド関数を使います。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="30"/>
        <source>the network diagram: each edge is a weight, its width how large it is.</source>
        <translation>ネットワーク図。線の1本1本が重みで、太さがその大きさです。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="32"/>
        <source>The 2-layer model, steps 1 to 5</source>
        <translation>2層のモデル、手順1から5</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="33"/>
        <source>One neuron learns AND: the weighted sum u, the sigmoid of it, the squared error, its slope for each weight, and the update. The step-by-step math walks these five steps row by row with this run&apos;s numbers.</source>
        <translation>1つのニューロンが AND を学びます。重み付きの合計 u、そのシグモイド、二乗誤差、各重みでの傾き、そして更新です。計算の手順では、この5つの手順を行ごとに、この学習の数値でたどれます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="36"/>
        <source>the step-by-step math, in the article&apos;s notation; press Next.</source>
        <translation>計算の手順（記事の記法）。「次へ」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="38"/>
        <source>The 2-layer code and its results</source>
        <translation>2層のコードと結果</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="39"/>
        <source>The article trains 1,000 steps and prints a table and a 3D graph of the prediction over x1 and x2. GateLab trains the same run and draws the table, and the prediction as a map seen from above.</source>
        <translation>記事は 1,000 ステップ学習し、表と、x1・x2 に対する予測値の 3D グラフを出します。GateLab は同じ学習をして、表と、予測値を真上から見たマップを描きます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="42"/>
        <source>The article trains 1,000 steps and prints a table and a 3D graph of the prediction over x1 and x2. GateLab trains the same run and draws both.</source>
        <translation>記事は 1,000 ステップ学習し、表と、x1・x2 に対する予測値の 3D グラフを出します。GateLab は同じ学習をして、両方を描きます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="44"/>
        <source>the predictions table and the map of the output: only (1, 1) is brighter than 0.5.</source>
        <translation>予測値の表と出力のマップ。0.5 より明るくなるのは (1, 1) だけです。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="46"/>
        <source>the predictions table and the 3D surface: only (1, 1) rises above 0.5.</source>
        <translation>予測値の表と 3D の曲面。0.5 より高くなるのは (1, 1) だけです。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="48"/>
        <source>The 3-layer network, steps 1 to 8</source>
        <translation>3層のネットワーク、手順1から8</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="49"/>
        <source>A hidden layer between the inputs and the output lets the network learn XOR, which one neuron cannot. Eight steps: two weighted sums, two sigmoids, the error, two sets of slopes by the chain rule, the update.</source>
        <translation>入力と出力の間に隠れ層があると、1つのニューロンでは学べない XOR を学べます。手順は8つ: 2回の重み付きの合計、2回のシグモイド、誤差、連鎖律による2組の傾き、そして更新です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="52"/>
        <source>the step-by-step math: the chain rule, factor by factor, in steps 6 and 7.</source>
        <translation>計算の手順。手順6と7で、連鎖律を因子ごとに見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="55"/>
        <source>The 3-layer code: XOR, and the order of its updates</source>
        <translation>3層のコード: XOR と更新の順序</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="56"/>
        <source>The article&apos;s run of 2,000 steps prints the table 0.08, 0.92, 0.92, 0.07; GateLab&apos;s seed 659 gives exactly that run. Its code updates the output weights before it uses them for the hidden layer; the compare window shows that run beside the textbook order from the same start.</source>
        <translation>記事の 2,000 ステップの学習は、表 0.08、0.92、0.92、0.07 を出力します。GateLab のシード 659 で、ちょうどその学習になります。記事のコードは出力側の重みを先に更新し、その値を隠れ層に使います。比較ウィンドウで、同じ初期値からの教科書の順序と並べて見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/article_guide_view.py" line="60"/>
        <source>the hidden node maps: each hidden node draws one line, and the output combines the two into XOR.</source>
        <translation>隠れ層マップ。隠れ層の各ノードが1本の線を引き、出力が2本を組み合わせて XOR にします。</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <location filename="../../gui/shell/closing.py" line="51"/>
        <source>Not quitting. Training was stopped to ask; press Train to go on.</source>
        <translation>終了しませんでした。確認のため学習を止めました。続けるには「学習」を押してください。</translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <location filename="../../gui/views/colour_bar.py" line="20"/>
        <source>The surface&apos;s colour is its height: the network&apos;s output, from 0 (dark blue) to 1 (yellow)</source>
        <translation>曲面の色はその高さ、つまりネットワークの出力です。0（濃い青）から 1（黄色）まで</translation>
    </message>
</context>
<context>
    <name>CompareRuns</name>
    <message>
        <location filename="../../gui/shell/compare_runs.py" line="48"/>
        <source>Select another run in the Runs panel first (View &gt; Runs).</source>
        <translation>先に学習の一覧（表示 &gt; 学習の一覧）で別の学習を選んでください。</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="40"/>
        <source>GateLab — compare two runs</source>
        <translation>GateLab — 2つの学習を比べる</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="80"/>
        <location filename="../../gui/dialogs/compare_window.py" line="149"/>
        <source>&amp;Stop training</source>
        <translation>学習を停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="82"/>
        <source>Stops the runs this window trains; Train on continues them from where they are.</source>
        <translation>このウィンドウで学習中の学習を止めます。「続けて学習」で、止めたところから再開できます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="103"/>
        <source>right: {0}</source>
        <translation>右: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="102"/>
        <source>left: {0}</source>
        <translation>左: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="119"/>
        <source>Same settings: the runs differ in how they went (a branch, or alpha or weights changed during training).</source>
        <translation>設定は同じです。違いは学習の経過にあります（分岐、または学習中に学習率 α や重みを変えた）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="121"/>
        <source>What differs: {0} (left) and {1} (right).</source>
        <translation>違い: 左は{0}、右は{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="149"/>
        <source>&amp;Train on</source>
        <translation>続けて学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="152"/>
        <source>Training the runs at once; pick any step meanwhile.</source>
        <translation>2つの学習を同時に進めています。その間も、好きなステップを選べます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="154"/>
        <source>Stopped; Train on continues.</source>
        <translation>停止しました。「続けて学習」で再開します。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_window.py" line="155"/>
        <source>The run trained here has finished.</source>
        <translation>ここで進めた学習は終わりました。</translation>
    </message>
</context>
<context>
    <name>ContributionsSurfaces</name>
    <message>
        <location filename="../../gui/views/contributions_surfaces.py" line="81"/>
        <source>3D view of each hidden node&apos;s share, their sum and its sigmoid</source>
        <translation>各隠れノードの寄与、その和とシグモイドの 3D 表示</translation>
    </message>
</context>
<context>
    <name>ContributionsView</name>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="42"/>
        <source>The output node adds its inputs: each hidden node&apos;s output times its weight (one map each, blue below 0, red above), plus its bias, gives v; the sigmoid of v is the prediction yp. With enough hidden nodes, such steps and bumps add up to any continuous surface: the universal approximation theorem.</source>
        <translation>出力ノードは入力を足し合わせます。各隠れノードの出力にその重みを掛けたもの（1つずつの図。0 より下は青、上は赤）にバイアスを加えると v になり、v のシグモイドが予測値 yp です。隠れ層のノードが十分あれば、こうした段差や山を足し合わせてどんな連続な曲面でも近似できます。これが普遍近似定理です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="46"/>
        <source>The output node adds its inputs: each hidden node&apos;s output times its weight (one surface each, red above 0, blue below), plus its bias, gives v (in front); the sigmoid of v is the prediction yp. With enough hidden nodes, such steps and bumps add up to any continuous surface: the universal approximation theorem.</source>
        <translation>出力ノードは入力を足し合わせます。各隠れノードの出力にその重みを掛けたもの（1つずつの曲面。0 より上は赤、下は青）にバイアスを加えると v（手前）になり、v のシグモイドが予測値 yp です。隠れ層のノードが十分あれば、こうした段差や山を足し合わせてどんな連続な曲面でも近似できます。これが普遍近似定理です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="60"/>
        <source>w2 h and v</source>
        <translation>w2 h と v</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="67"/>
        <source>3D surfaces</source>
        <translation>3D の曲面</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="69"/>
        <source>Reset camera</source>
        <translation>視点をリセット</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="71"/>
        <source>Turn the surfaces back to the starting view, every tile in sight (drag or arrow keys: rotate · wheel or +/-: zoom).</source>
        <translation>曲面を最初の視点に戻し、すべてのタイルが見えるようにします（ドラッグか矢印キー: 回転 · ホイールか +/-: ズーム）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="99"/>
        <source>OpenGL is not available ({0}): the maps are shown.</source>
        <translation>OpenGL が使えません({0})。2D の図を表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="104"/>
        <source>Each share, v and yp as a surface over the input square (drag or arrow keys to turn them); off: flat colour maps</source>
        <translation>各ノードの寄与、v、yp を入力の正方形の上の曲面で表示します（ドラッグか矢印キーで回転）。オフ: 平面の色分け図</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="137"/>
        <source>Heights: the shares and v on one scale, the tallest {0:.3g} (0 is the outlined square, the posts show the corners&apos; heights); yp from 0 to 1. Colour: the sign, grey near 0.</source>
        <translation>高さ: 各寄与と v は共通の目盛りで、最も高いものが {0:.3g}（枠線の正方形が 0、縦の線は四隅の高さ）。yp は 0 から 1。色: 正負（0 に近いほど灰色）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="168"/>
        <source>w2 h{0}</source>
        <translation>w2 h{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="169"/>
        <source>v = Σ + bias</source>
        <translation>v = Σ + バイアス</translation>
    </message>
    <message>
        <location filename="../../gui/views/contributions_view.py" line="169"/>
        <source>yp = σ(v)</source>
        <translation>yp = σ(v)</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="145"/>
        <source>Input error</source>
        <translation>入力エラー</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="154"/>
        <source>Presets…</source>
        <translation>プリセット…</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="155"/>
        <source>Article: 2-layer AND</source>
        <translation>記事: 2層 AND</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="156"/>
        <source>Article: 3-layer XOR</source>
        <translation>記事: 3層 XOR</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="159"/>
        <source>Load the settings of one of the article&apos;s runs</source>
        <translation>記事で実行したときの設定を読み込みます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="164"/>
        <source>Network and training</source>
        <translation>ネットワークと学習</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="169"/>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="170"/>
        <source>Function f(x1, x2)</source>
        <translation>関数 f(x1, x2)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="171"/>
        <source>The logic gate (truth table) the network learns, or a function of x1 and x2 sampled on a grid</source>
        <translation>ネットワークが学習する論理ゲート（真理値表）、または格子上の点で標本をとった x1 と x2 の関数</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="173"/>
        <source>&amp;Gate</source>
        <translation>ゲート(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="180"/>
        <source>Nodes in the hidden layer (0-64). 0 removes the hidden layer: the article&apos;s 2-layer model, one neuron</source>
        <translation>隠れ層のノードの数(0~64)。0 にすると隠れ層がなくなり、記事の2層モデル（ニューロン1個）になります</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="188"/>
        <source>Learning rate α (0.0001-100): how far each update moves the weights. Can change while training</source>
        <translation>学習率 α(0.0001~100): 勾配降下法の1回の更新で重みを動かす大きさ。学習中も変更できます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="190"/>
        <source>&amp;Alpha (learning rate)</source>
        <translation>学習率 α(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="220"/>
        <source>Target output for this input, from 0 to 1</source>
        <translation>この入力に対する真の値(0~1)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="232"/>
        <source>Random seed (0-4294967295): the same seed always gives the same initial weights</source>
        <translation>乱数のシード(0~4294967295): 同じシードからは、いつも同じ重みの初期値が得られます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="235"/>
        <source>New seed</source>
        <translation>新しいシード</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="236"/>
        <source>Draw a new random seed: new initial weights (Ctrl+D)</source>
        <translation>新しいシードを乱数で選び、重みの初期値を変えます (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="244"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="249"/>
        <source>From slow motion (1 step a second) to as fast as the machine goes. Can change while training</source>
        <translation>スローモーション（1秒に1ステップ）からコンピュータの最高速度まで。学習中も変更できます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="262"/>
        <location filename="../../gui/controls/control_panel.py" line="333"/>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="263"/>
        <source>Start, pause or resume training (Space)</source>
        <translation>学習を開始・一時停止・再開します (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="264"/>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="265"/>
        <source>Run exactly one step, then pause (.)</source>
        <translation>ちょうど1ステップだけ進めて一時停止します (.)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="266"/>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="267"/>
        <source>Back to the initial weights of this seed (Ctrl+R)</source>
        <translation>このシードの重みの初期値に戻します (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="268"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="269"/>
        <source>End training here and keep the current weights (Esc)</source>
        <translation>ここで学習を終え、今の重みを残します (Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="332"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="333"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="363"/>
        <source>The function&apos;s settings back: {0}.</source>
        <translation>関数の設定に戻しました: {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="370"/>
        <source>The gate&apos;s settings back: {0}.</source>
        <translation>ゲートの設定に戻しました: {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="209"/>
        <location filename="../../gui/controls/control_panel.py" line="373"/>
        <location filename="../../gui/controls/function_picker.py" line="199"/>
        <source>Not applied: {0}</source>
        <translation>反映されませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="366"/>
        <source>Settings recommended for a function: {0}.</source>
        <translation>関数向けの推奨設定にしました: {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="183"/>
        <source>Hidden &amp;nodes</source>
        <translation>隠れ層のノード数(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="194"/>
        <source>Training steps (1-100,000,000). One step = one pass over all the rows: a gate&apos;s 4, or a function&apos;s n x n grid</source>
        <translation>学習のステップ数（1～100,000,000）。1ステップ = すべての行をひととおり学習すること。ゲートなら4行、関数なら n x n の格子の全点</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="196"/>
        <source>Ste&amp;ps</source>
        <translation>ステップ数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="199"/>
        <source>&amp;Seed</source>
        <translation>シード(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="397"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="425"/>
        <source>2-layer model</source>
        <translation>2層モデル</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="428"/>
        <source>{gate} · {nodes} · α = {alpha} · {steps} steps</source>
        <translation>{gate} · {nodes} · α = {alpha} · {steps} ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="430"/>
        <source>The run&apos;s settings (Esc leaves presentation mode to change them)</source>
        <translation>この学習の設定（変えるには Esc でプレゼンテーションモードを抜けます）</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="451"/>
        <source>Full speed</source>
        <translation>最高速度</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="453"/>
        <source>1 step/s</source>
        <translation>1 ステップ/秒</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="455"/>
        <source>{0} steps/s</source>
        <translation>{0} ステップ/秒</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="461"/>
        <source>0 = the article&apos;s 2-layer model (one neuron, 3 weights)</source>
        <translation>0 = 記事の2層モデル（ニューロン1個、重み3個）</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="462"/>
        <source>3-layer model: 1 hidden node + a bias node</source>
        <translation>3層モデル: 隠れ層のノード 1 個 + バイアスのノード</translation>
    </message>
    <message>
        <location filename="../../gui/controls/control_panel.py" line="463"/>
        <source>3-layer model: {0} hidden nodes + a bias node</source>
        <translation>3層モデル: 隠れ層のノード {0} 個 + バイアスのノード</translation>
    </message>
</context>
<context>
    <name>ExperimentFiles</name>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="100"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="171"/>
        <source>Could not save “{0}”: {1}
Any existing file of that name is unchanged.</source>
        <translation>「{0}」を保存できませんでした: {1}
同じ名前の既存のファイルは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="188"/>
        <source>the file is read-only</source>
        <translation>ファイルが読み取り専用です</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="215"/>
        <source>only {0} of {1} bytes could be written: the disk may be full, or the file too large</source>
        <translation>{1} バイトのうち {0} バイトしか書き込めませんでした。ディスクがいっぱいか、ファイルが大きすぎる可能性があります</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="217"/>
        <source>the file could not be written</source>
        <translation>ファイルに書き込めませんでした</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="230"/>
        <location filename="../../gui/files/experiment_files.py" line="266"/>
        <source>Could not open “{0}”: {1}</source>
        <translation>「{0}」を開けませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="241"/>
        <source>Opening “{0}”…</source>
        <translation>「{0}」を開いています…</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="242"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="243"/>
        <source>Opening</source>
        <translation>開いています</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="301"/>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="302"/>
        <source>the file is truncated: it ends before the experiment is complete</source>
        <translation>ファイルが途中で切れています（実験のデータが最後までありません）</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="303"/>
        <source>it is not a text file</source>
        <translation>テキストファイルではありません</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="304"/>
        <source>it is not a GateLab experiment file</source>
        <translation>GateLab の実験ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="305"/>
        <source>the file is larger than {0} MB, the most an experiment file can be</source>
        <translation>ファイルが実験ファイルの上限 {0} MB を超えています</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="319"/>
        <source>GateLab experiments (*.gatelab.json);;JSON files (*.json);;All files (*)</source>
        <translation>GateLab の実験 (*.gatelab.json);;JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="325"/>
        <source>Save Experiment</source>
        <translation>実験を保存</translation>
    </message>
    <message>
        <location filename="../../gui/files/experiment_files.py" line="336"/>
        <source>Open Experiment</source>
        <translation>実験を開く</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../gui/files/export_actions.py" line="36"/>
        <location filename="../../gui/files/export_actions.py" line="62"/>
        <source>Loss plot as PNG…</source>
        <translation>損失のグラフ (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="36"/>
        <location filename="../../gui/files/export_actions.py" line="40"/>
        <location filename="../../gui/files/export_actions.py" line="42"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="38"/>
        <location filename="../../gui/files/export_actions.py" line="62"/>
        <source>Loss plot as SVG…</source>
        <translation>損失のグラフ (SVG)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="38"/>
        <location filename="../../gui/files/export_actions.py" line="44"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="31"/>
        <source>3D view as PNG…</source>
        <translation>3D 表示 (PNG)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="31"/>
        <source>2D map as PNG…</source>
        <translation>2D マップを PNG で…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="32"/>
        <source>3D view as PNG, double size…</source>
        <translation>3D 表示（PNG、2倍の大きさ）…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="33"/>
        <source>2D map as PNG, double size…</source>
        <translation>2D マップを PNG で（2倍の大きさ）…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="44"/>
        <location filename="../../gui/files/export_actions.py" line="64"/>
        <source>2D map as SVG…</source>
        <translation>2D マップを SVG で…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="46"/>
        <location filename="../../gui/files/export_actions.py" line="62"/>
        <source>Loss history as CSV…</source>
        <translation>損失の履歴 (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="46"/>
        <location filename="../../gui/files/export_actions.py" line="50"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="48"/>
        <source>Weights as JSON…</source>
        <translation>重み (JSON)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="48"/>
        <source>JSON file (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="50"/>
        <source>Predictions as CSV…</source>
        <translation>予測値 (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="65"/>
        <source>Copy predictions</source>
        <translation>予測値をコピー</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="68"/>
        <source>Predictions copied.</source>
        <translation>予測値をコピーしました。</translation>
    </message>
    <message>
        <location filename="../../gui/files/export_actions.py" line="76"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../gui/files/exports.py" line="65"/>
        <source>A picture is from {0} to {1} pixels each way, not {2} x {3}.</source>
        <translation>画像の縦横は、それぞれ {0} から {1} ピクセルまでです（{2} x {3} は使えません）。</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="348"/>
        <source>The 3D view is drawn by OpenGL and has no SVG: save it as PNG.</source>
        <translation>3D 表示は OpenGL で描くので SVG にはできません。PNG で保存してください。</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="504"/>
        <source>The weights are not finite numbers (the run diverged), so they cannot be saved as JSON.</source>
        <translation>重みが有限の数ではない（学習が発散した）ため、JSON に保存できません。</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="520"/>
        <source>The clipboard is not available.</source>
        <translation>クリップボードを使えません。</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="534"/>
        <source>The view could not be drawn (is it hidden?).</source>
        <translation>表示を描画できませんでした（隠れていませんか?）。</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="627"/>
        <source>Could not write {0}: {1}</source>
        <translation>{0} に書き込めませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="631"/>
        <source>Could not draw the image: {0}</source>
        <translation>画像を描画できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/exports.py" line="635"/>
        <source>The scale must be from 1 to {0}, not {1}.</source>
        <translation>倍率は 1 から {0} までです（{1} は使えません）。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../gui/common/file_dialogs.py" line="15"/>
        <source>Look in:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <location filename="../../gui/common/file_dialogs.py" line="17"/>
        <source>Files of type:</source>
        <translation>ファイルの種類:</translation>
    </message>
</context>
<context>
    <name>FunctionPicker</name>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="36"/>
        <source>Your own expression</source>
        <translation>自分で入力した式</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="37"/>
        <source>A surface to learn; each is shown as its formula below</source>
        <translation>学習する曲面。選ぶと下にその式が表示されます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="78"/>
        <source>F&amp;unction</source>
        <translation>関数(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="41"/>
        <source>f(x1, x2) with values from 0 to 1: numbers, pi, x1, x2, + - * / ^, parentheses and sin cos exp log sqrt abs tanh min max. Enter or leaving the field applies it</source>
        <translation>値が 0 から 1 の範囲に収まる f(x1, x2)。使えるのは数、pi、x1、x2、+ - * / ^、かっこ、sin cos exp log sqrt abs tanh min max です。Enter を押すか、入力欄を離れると適用されます</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="78"/>
        <source>f(x1, x2) =</source>
        <translation>f(x1, x2) =</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="49"/>
        <source>Samples per side ({0}-{1}): the network trains on n x n points, x1 and x2 = 0, 1/(n-1), ..., 1. One step is one pass over all of them</source>
        <translation>1辺あたりの標本点の数（{0}～{1}）。ネットワークは x1、x2 = 0, 1/(n-1), ..., 1 の n x n 点で学習します。1ステップは、そのすべての点を1回ずつたどることです</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="55"/>
        <source>How close every sample&apos;s prediction must come to its target for the function to count as learnt ({0}-{1}). It only judges the run: changing it keeps the training</source>
        <translation>すべての標本点で予測値が目標にどこまで近づけば関数を学習できたとみなすか（{0}～{1}）。学習の判定に使うだけなので、変えても学習済みの結果はそのまま残ります</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="63"/>
        <source>Within ±</source>
        <translation>許容誤差 ±</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="79"/>
        <source>G&amp;rid (n x n)</source>
        <translation>格子（n x n）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="101"/>
        <source>Bump</source>
        <translation>山</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="101"/>
        <source>Ridge</source>
        <translation>尾根</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="101"/>
        <source>Saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="102"/>
        <source>Ripple</source>
        <translation>波紋</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="102"/>
        <source>Step (not continuous)</source>
        <translation>段差（連続でない）</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="103"/>
        <source>Smooth AND</source>
        <translation>なめらかな AND</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="103"/>
        <source>Smooth OR</source>
        <translation>なめらかな OR</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="103"/>
        <source>Smooth XOR</source>
        <translation>なめらかな XOR</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="104"/>
        <source>Smooth NAND</source>
        <translation>なめらかな NAND</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="104"/>
        <source>Smooth NOR</source>
        <translation>なめらかな NOR</translation>
    </message>
    <message>
        <location filename="../../gui/controls/function_picker.py" line="104"/>
        <source>Smooth XNOR</source>
        <translation>なめらかな XNOR</translation>
    </message>
</context>
<context>
    <name>GateOnly</name>
    <message>
        <location filename="../../gui/views/gate_only.py" line="15"/>
        <source>This view follows the four rows of a logic gate. The run shown learns a function f(x1, x2) on a grid: watch the map of the output, where each sample is a dot in its target&apos;s colour, and the table of the samples farthest from their targets.</source>
        <translation>この表示は論理ゲートの4行を追うものです。表示中の学習は格子上で関数 f(x1, x2) を学んでいます。各標本点が目標の値の色の点で描かれる出力の図と、目標から最も離れた標本点の表を見てください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gate_only.py" line="19"/>
        <source>This view follows the four rows of a logic gate. The run shown learns a function f(x1, x2) on a grid: watch the 3D view, where its target is the red wireframe, and the table of the samples farthest from their targets.</source>
        <translation>この表示は論理ゲートの4行を追うものです。表示中の学習は格子上で関数 f(x1, x2) を学んでいます。目標が赤いワイヤーフレームで描かれる3D表示と、目標から最も離れた標本点の表を見てください。</translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="55"/>
        <source>Not checked yet: press Check now, or tick Every.</source>
        <translation>まだチェックしていません。「今すぐチェック」を押すか、「間隔」をオンにしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="62"/>
        <source>New run: not checked yet.</source>
        <translation>新しい学習: まだチェックしていません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="117"/>
        <source>Backprop against finite differences: the largest relative error over all weights, at the current weights.</source>
        <translation>誤差逆伝播法と数値微分の比較: 現在の重みで、すべての重みのうち最大の相対誤差。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="141"/>
        <source>Check now</source>
        <translation>今すぐチェック</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="142"/>
        <source>Compare backprop with finite differences at the current weights</source>
        <translation>現在の重みで、誤差逆伝播法の勾配を数値微分と比べます</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="145"/>
        <source>Every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="150"/>
        <source> steps</source>
        <translation> ステップごと</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="153"/>
        <source>While training, check again each time the run passes another multiple of this many steps. Checking takes at most a tenth of the time, so a large network is checked less often rather than slowing the window.</source>
        <translation>学習中、ステップ数がこの値の倍数を超えるたびにもう一度チェックします。チェックにかける時間は全体の10分の1以下に抑えるので、大きなネットワークでは、ウィンドウを遅くする代わりにチェックの回数を減らします。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="169"/>
        <source>For every weight w, backpropagation gives the slope a = ∂L/∂w, and the central finite difference n = (L(w + ε) − L(w − ε)) / 2ε with ε = {eps} measures it directly. The readout is the largest |a − n| / max(|a|, |n|) over all weights.
Green, below {green}: they agree, backprop is right. Red, above {red}: backprop has a bug. Amber is in between. Grey: every gradient is smaller than rounding lets finite differences measure (a saturated network), so nothing can be concluded. Weights whose ReLU input sits at the kink (0) are skipped: there the slope jumps.</source>
        <translation>どの重み w についても、誤差逆伝播法は傾き a = ∂L/∂w を求めます。一方、中心差分 n = (L(w + ε) − L(w − ε)) / 2ε(ε = {eps})はその傾きを直接測ります。表示する値は、すべての重みのうち |a − n| / max(|a|, |n|) が最大のものです。
緑（{green} 未満）: 両者は一致し、誤差逆伝播法は正しい。赤（{red} 超）: 誤差逆伝播法にバグがある。黄色はその中間。灰色: どの勾配も小さすぎて、丸め誤差のため数値微分では測れない（ネットワークが飽和している）ので、何も判断できない。ReLU の入力がちょうど折れ目(0)にある重みは、そこで傾きが跳ぶのでチェックしません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="186"/>
        <source>The weights are not finite numbers (the run diverged): there is nothing to check.</source>
        <translation>重みが有限の数ではありません（学習が発散しました）。チェックできるものがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="203"/>
        <source>Backprop is right: it agrees with finite differences (below {0}).</source>
        <translation>誤差逆伝播法は正しい: 数値微分と一致しています（{0} 未満）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="205"/>
        <source>Doubtful (between {0} and {1}): backprop and finite differences differ by more than rounding explains.</source>
        <translation>疑わしい({0} ~ {1}): 誤差逆伝播法と数値微分の差が、丸め誤差では説明できないほど大きい。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="208"/>
        <source>Backprop is wrong: it disagrees with finite differences (above {0}).</source>
        <translation>誤差逆伝播法が間違っています: 数値微分と一致しません（{0} 超）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="211"/>
        <source>Can&apos;t tell here: even the largest gradient ({0}) is too small for finite differences to measure. The network is saturated: its gradients have vanished. (Largest relative error {1}.)</source>
        <translation>ここでは判断できません: いちばん大きな勾配({0})でも、数値微分で測るには小さすぎます。ネットワークが飽和して、勾配が消えています。（最大の相対誤差 {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="218"/>
        <source>can&apos;t tell</source>
        <translation>判断不可</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="220"/>
        <source>{0}, {1}</source>
        <translation>{0}、{1}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="222"/>
        <source>2-layer model</source>
        <translation>2層モデル</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="223"/>
        <source>Checked at step {0:,} ({1} loss, {2}): {3} weights compared in {4:.1f} ms.</source>
        <translation>ステップ {0:,} でチェック（損失関数 {1}、{2}）: {3} 個の重みを {4:.1f} ms で比較しました。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gradient_check_view.py" line="227"/>
        <source>{0} weights skipped: their ReLU input is within ε of the kink at 0.</source>
        <translation>{0} 個の重みは除外: ReLU の入力が折れ目(0)から ε 以内にあります。</translation>
    </message>
</context>
<context>
    <name>GuideSetup</name>
    <message>
        <location filename="../../gui/shell/guide_setup.py" line="71"/>
        <source>Set up for “{0}”. Look at {1}</source>
        <translation>「{0}」を準備しました。見るところ: {1}</translation>
    </message>
</context>
<context>
    <name>GuideView</name>
    <message>
        <location filename="../../gui/views/guide_view.py" line="36"/>
        <source>Look at: {0}</source>
        <translation>見るところ: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/guide_view.py" line="39"/>
        <source>Set up</source>
        <translation>準備する</translation>
    </message>
    <message>
        <location filename="../../gui/views/guide_view.py" line="41"/>
        <source>Set up: {0}</source>
        <translation>準備する: {0}</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="52"/>
        <source>Each corner: yt, the target, and yp, the network&apos;s prediction for that input. Solid lines: where each hidden node&apos;s input sum is 0, in the node&apos;s colour (the diagram&apos;s and the hidden maps&apos;); the 2-layer model&apos;s one line is white.</source>
        <translation>各角: yt は真の値、yp はその入力に対するネットワークの予測値。実線: 隠れ層の各ノードの入力の和が 0 になる直線（ノードの色は、ネットワーク図と隠れ層のマップと同じ）。2層モデルの1本の直線は白。</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="161"/>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="162"/>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="103"/>
        <source>Network output seen from above (dashed: output = 0.5)</source>
        <translation>ネットワークの出力を真上から見た図（破線: 出力 = 0.5）</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="42"/>
        <source>Error |yp − f|</source>
        <translation>誤差 |yp − f|</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="44"/>
        <source>A function run: show how far the network&apos;s output is from the target at every point, samples and the space between them alike, instead of the output itself.</source>
        <translation>関数の学習で、出力そのものの代わりに、ネットワークの出力が目標からどれだけ離れているかを、標本点でもその間でも、すべての点について表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="84"/>
        <location filename="../../gui/views/heatmap_view.py" line="173"/>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="84"/>
        <source>error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="102"/>
        <source>Error |yp − f| seen from above: dark where the network meets the target</source>
        <translation>誤差 |yp − f| を上から見た図。ネットワークが目標に合っているところは暗くなります</translation>
    </message>
    <message>
        <location filename="../../gui/views/heatmap_view.py" line="215"/>
        <source>yt {0:g}
yp {1:.2f}</source>
        <translation>yt {0:g}
yp {1:.2f}</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../../gui/views/help_panel.py" line="11"/>
        <source>A step</source>
        <translation>1ステップとは</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="12"/>
        <source>One step is one pass over the 4 rows of the truth table. In online mode (the article&apos;s) the weights change after every row; in batch mode once per step.</source>
        <translation>1ステップは、真理値表の4行をひととおり学習することです。勾配降下法で重みを更新するのは、オンライン（記事の方式）では1行ごと、バッチでは1ステップに1回です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="15"/>
        <source>3D surface</source>
        <translation>3D 曲面</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="16"/>
        <source>The height at each point (x1, x2) is the network&apos;s output yp for that input. Red dots are the targets of the 4 rows, white dots the current predictions. Where the surface is above the 0.5 plane the network answers 1.</source>
        <translation>各点 (x1, x2) の高さは、その入力に対するネットワークの出力 yp です。赤い点は4行それぞれの真の値、白い点は現在の予測値です。曲面が高さ 0.5 の平面より上にある所では、ネットワークは 1 と答えます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="19"/>
        <source>Loss plot</source>
        <translation>損失のグラフ</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="20"/>
        <source>The loss of each step: the squared error ½(yp − yt)² summed over the 4 rows. It falls as the network learns; a long flat part is a plateau that training may or may not escape.</source>
        <translation>各ステップの損失、つまり二乗誤差 ½(yp − yt)² の4行分の合計です。ネットワークが学習するにつれて下がります。長く平らな部分はプラトー（停滞）で、学習がそこから抜け出せるとは限りません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="23"/>
        <source>Predictions table</source>
        <translation>予測値の表</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="24"/>
        <source>Each row&apos;s prediction next to its target, with 2 decimals as in the article. Green rows are on the right side of 0.5.</source>
        <translation>各行の予測値を真の値と並べて、記事と同じく小数第2位まで表示します。緑の行は、0.5 に対して正しい側にあります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="26"/>
        <source>Network diagram</source>
        <translation>ネットワーク図</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="27"/>
        <source>Inputs on the left, hidden nodes in the middle, the output on the right. Blue edges are positive weights, orange ones negative; the thicker the edge, the larger the weight. Hover for values; pause to edit a weight.</source>
        <translation>左が入力、中央が隠れ層のノード、右が出力です。青い線は正の重み、オレンジの線は負の重みで、線が太いほど重みが大きいことを表します。マウスを重ねると値が見え、一時停止中は重みを編集できます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="30"/>
        <source>Hidden node maps</source>
        <translation>隠れ層マップ</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="31"/>
        <source>Each map is one hidden node&apos;s output over the input square: a soft half-plane. The output node adds them up, which is how XOR is built from simple pieces.</source>
        <translation>各マップは、入力の正方形の上での、隠れ層のノード1個の出力です。境目のなだらかな半平面になります。出力のノードはこれらを足し合わせます。こうして XOR が単純な部品から組み立てられます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="34"/>
        <source>Step-by-step math</source>
        <translation>計算の手順</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="35"/>
        <source>The article&apos;s formulas for one row at a time, with the current numbers in them: forward pass, loss, backward pass and update.</source>
        <translation>記事の数式に現在の数値を入れて、1行ずつ表示します: 順伝播、損失、逆伝播、更新。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="37"/>
        <source>Gradient check</source>
        <translation>勾配チェック</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="38"/>
        <source>Compares the gradients from backpropagation with slopes measured by nudging each weight. Green means they agree.</source>
        <translation>誤差逆伝播法で求めた勾配を、重みを1つずつ少し動かして測った傾きと比べます。緑なら一致しています。</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="40"/>
        <source>Any continuous function</source>
        <translation>どんな連続関数でも</translation>
    </message>
    <message>
        <location filename="../../gui/views/help_panel.py" line="41"/>
        <source>Choose “Function f(x1, x2)” as the gate to learn a surface from an n x n grid of samples. The universal approximation theorem the article cites promises that with enough hidden nodes some network comes as close as we like to any continuous function. It promises closeness, not exactness; only for continuous functions (the step preset jumps, and between the samples its error stays large); and only that a good network exists, not that training finds it: a run can still get stuck. In the 3D view the red wireframe is the target; “How the sum builds it” shows each hidden node&apos;s share; Tools &gt; How many hidden nodes? shows the error falling as nodes are added. Help &gt; The theorem, step by step sets up a run for each of these points.</source>
        <translation>ゲートに「関数 f(x1, x2)」を選ぶと、n x n の格子上の標本点から曲面を学習します。記事が引く普遍近似定理は、隠れ層のノードが十分あれば、どんな連続関数にもいくらでも近いネットワークが存在することを保証します。保証されるのは近さであって、完全な一致ではありません。対象は連続関数だけです（段差のプリセットは値が跳ぶので、標本点の間では誤差が大きいままです）。また、よいネットワークが存在することを保証するだけで、学習でそれが見つかるとは限りません。学習が行き詰まることもあります。3D表示の赤いワイヤーフレームが目標です。「和が曲面を作るしくみ」には各隠れノードの分担が、「ツール」&gt;「隠れ層のノードはいくつ必要？」には、ノードを増やすにつれて誤差が下がる様子が示されます。「ヘルプ」&gt;「普遍近似定理を順に学ぶ」では、これらの点をそれぞれ示す学習を準備できます。</translation>
    </message>
</context>
<context>
    <name>HiddenMapsView</name>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="128"/>
        <source>Each map shows one hidden node&apos;s output h over the input square (x1 across, x2 up). A node splits the square with one straight line (dashed, where its input sum is 0): its output is high on one side only, a half-plane. The output node adds the maps with its weights, which is how XOR is built from two half-planes. Click a map to enlarge it.</source>
        <translation>各マップは、入力の正方形（横が x1、縦が x2）の上での、隠れ層のノード1個の出力 h を表します。ノードは正方形を1本の直線（破線、入力の合計が 0 になる所）で分け、その片側だけで出力が大きくなります。これが半平面です。出力のノードはマップに重みを掛けて足し合わせます。こうして2つの半平面から XOR が作られます。マップをクリックすると拡大します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="135"/>
        <source>The 2-layer model has no hidden nodes: its single neuron draws one straight line by itself, which is why it cannot learn XOR.</source>
        <translation>2層モデルには隠れ層のノードがありません。ニューロン1個だけでは直線を1本しか引けないので、XOR を学習できません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="140"/>
        <source>Click a map to see it large; click it again to close it</source>
        <translation>マップをクリックすると拡大し、もう一度クリックすると閉じます</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="173"/>
        <source>h (node output)</source>
        <translation>h（ノードの出力）</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="181"/>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="182"/>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="230"/>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="281"/>
        <source>h{0}: output of hidden node {0}</source>
        <translation>h{0}: 隠れ層のノード {0} の出力</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="282"/>
        <source>Hidden node h{0}</source>
        <translation>隠れ層のノード h{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_maps_view.py" line="290"/>
        <source>h{0} = {1:.2f}</source>
        <translation>h{0} = {1:.2f}</translation>
    </message>
</context>
<context>
    <name>HiddenSpace3D</name>
    <message>
        <location filename="../../gui/views/hidden_space_3d.py" line="33"/>
        <source>3D view of the hidden space</source>
        <translation>隠れ層の空間の3D表示</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_3d.py" line="66"/>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
</context>
<context>
    <name>HiddenSpaceView</name>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="37"/>
        <source>Hidden space: where the hidden layer puts the four rows. The output neuron draws one straight line here (dashed: yp = 0.5).</source>
        <translation>隠れ層の空間: 隠れ層が4つの行をどこに移すか。出力層のニューロンは、ここに直線を1本引きます（破線: yp = 0.5）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="39"/>
        <source>Hidden space in 3D: where three hidden nodes put the four rows. The output neuron splits them with one flat plane (white: yp = 0.5).</source>
        <translation>隠れ層の空間(3D): 隠れ層の3つのノードが4つの行をどこに移すか。出力層のニューロンは、1枚の平面で分けます（白: yp = 0.5）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="45"/>
        <source>Other hidden nodes are held at their mean over the rows for the shading and the line; the points are exact.</source>
        <translation>色分けと直線では、ほかの隠れ層のノードを4行の平均値に固定しています。点の位置は正確です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="49"/>
        <source>across</source>
        <translation>横</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="49"/>
        <source>up</source>
        <translation>縦</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="50"/>
        <source>height, in 3D</source>
        <translation>高さ(3D)</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="51"/>
        <source>The hidden node on this axis ({0})</source>
        <translation>この軸({0})に取る隠れ層のノード</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="56"/>
        <source>Axes:</source>
        <translation>軸:</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="64"/>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="70"/>
        <source>Three hidden nodes at once, with the plane where the output is 0.5 (drag to turn it)</source>
        <translation>隠れ層の3つのノードを同時に表示し、出力が 0.5 になる平面も描きます（ドラッグで回転）</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="73"/>
        <source>OpenGL is not available ({0}): two nodes at a time in 2D.</source>
        <translation>OpenGL が使えません({0})。2D で2つのノードずつ表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="81"/>
        <source>Each point is a row of the truth table at (h, h) of the two hidden nodes on the axes; its colour is the target. Faint lines: where the points came from during the run. Shading: the output yp over this plane.</source>
        <translation>各点は真理値表の1行で、軸に取った2つの隠れ層のノードの値 (h, h) の位置にあります。点の色は真の値。薄い線: 学習中に点が動いてきた道すじ。背景の色: この平面上での出力 yp。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="206"/>
        <location filename="../../gui/views/hidden_space_view.py" line="207"/>
        <location filename="../../gui/views/hidden_space_view.py" line="287"/>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="271"/>
        <source>The 2-layer model has no hidden layer: its one line is drawn on the input square (the output view). Add hidden nodes to see the hidden layer move the rows.</source>
        <translation>2層モデルには隠れ層がありません。その1本の直線は入力の正方形（出力の表示）に描かれています。隠れ層のノードを加えると、隠れ層が行を動かす様子が見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/hidden_space_view.py" line="275"/>
        <source>With one hidden node the hidden space is a line; add a second node to see the rows moved in a plane.</source>
        <translation>隠れ層のノードが1つだと、隠れ層の空間は直線です。2つ目のノードを加えると、平面の上で行が動く様子が見られます。</translation>
    </message>
</context>
<context>
    <name>LandscapeSurface</name>
    <message>
        <location filename="../../gui/views/landscape_surface.py" line="38"/>
        <source>3D view of the loss landscape</source>
        <translation>損失の地形の3D表示</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_surface.py" line="74"/>
        <source>Height: the total loss, from {0:.3g} (bottom) to {1:.3g} (top).</source>
        <translation>高さ: 損失の合計。{0:.3g}（下）から {1:.3g}（上）まで。</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="32"/>
        <source>Loss landscape: the total loss over a plane through the weights (dark: low). White: the run&apos;s path from its start (small dot) to now (red).</source>
        <translation>損失の地形: 重みの空間を通る平面の上での損失の合計（暗い色ほど低い）。白: 学習の道すじ。始まり（小さな点）から現在（赤）まで。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="36"/>
        <source>Two weights</source>
        <translation>2つの重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="37"/>
        <source>Start, now and the path</source>
        <translation>始まり・現在・道すじ</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="39"/>
        <source>Two weights: the loss as two weights change, every other weight as it is now. Start, now and the path: the plane through the first and the current weights that holds most of the path</source>
        <translation>2つの重み: 2つの重みを動かしたときの損失（ほかの重みは現在の値のまま）。始まり・現在・道すじ: 最初の重みと現在の重みを通り、道すじをいちばんよく含む平面</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="45"/>
        <source>The weight on this axis (named as in the network diagram)</source>
        <translation>この軸に取る重み（名前はネットワーク図と同じ）</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="51"/>
        <source>Plane:</source>
        <translation>平面:</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="64"/>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="69"/>
        <source>The loss as a surface (drag to turn it); off: the 2D contour map</source>
        <translation>損失を曲面で表示します（ドラッグで回転）。オフ: 2D の等高線図</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="73"/>
        <source>OpenGL is not available ({0}): the 2D map is shown.</source>
        <translation>OpenGL が使えません({0})。2D の図を表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="132"/>
        <source>total loss</source>
        <translation>損失の合計</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="150"/>
        <source>These weights are too large (beyond 1e100) for a landscape around them to be computed.</source>
        <translation>重みが大きすぎる（1e100 を超える）ため、そのまわりの損失の地形を計算できません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="162"/>
        <source>Pick two different weights.</source>
        <translation>異なる2つの重みを選んでください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="167"/>
        <source>No path yet (a run opened from a file, or not trained): two weights are shown.</source>
        <translation>まだ道すじがありません（ファイルから開いた学習か、まだ学習していません）。2つの重みの平面を表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="174"/>
        <source>Axes: {0} and {1}, the other weights as they are now.</source>
        <translation>軸: {0} と {1}。ほかの重みは現在の値のまま。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="177"/>
        <source>a: from where the path starts (0) to now (1); b: the path&apos;s other direction.</source>
        <translation>a: 道すじの始まり(0)から現在(1)へ。b: 道すじのもう1つの方向。</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="203"/>
        <source>a: from where the path starts (0) to now (1)</source>
        <translation>a: 道すじの始まり(0)から現在(1)へ</translation>
    </message>
    <message>
        <location filename="../../gui/views/landscape_view.py" line="204"/>
        <source>b: the path&apos;s other direction</source>
        <translation>b: 道すじのもう1つの方向</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="75"/>
        <source>Log scale</source>
        <translation>対数軸</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="77"/>
        <source>Show the loss on a logarithmic axis, so small losses late in training stay visible</source>
        <translation>損失を対数軸で表示し、学習の終わりごろの小さな損失も見えるようにします</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="79"/>
        <source>Hover over the plot to read a step&apos;s loss</source>
        <translation>マウスを重ねると各ステップの損失を表示</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="92"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="92"/>
        <location filename="../../gui/views/loss_plot.py" line="452"/>
        <source>step loss L[step]</source>
        <translation>ステップの損失 L[step]</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="142"/>
        <source>Click a step to see the network as it was then</source>
        <translation>ステップをクリックすると、そのときのネットワークを表示します</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="223"/>
        <source>shown run</source>
        <translation>表示中の学習</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="451"/>
        <source>step loss L[step], the article&apos;s sum (no ½)</source>
        <translation>ステップの損失 L[step]、記事のコードの和（½ なし）</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="454"/>
        <source>L[step], no ½</source>
        <translation>L[step]、½ なし</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="469"/>
        <source>diverged at step {0}</source>
        <translation>ステップ {0} で発散</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="517"/>
        <source>step {0}, step loss {1}</source>
        <translation>ステップ {0}、ステップの損失 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="522"/>
        <source>steps {0}-{1}, step loss {2} to {3}</source>
        <translation>ステップ {0}-{1}、ステップの損失 {2} から {3}</translation>
    </message>
    <message>
        <location filename="../../gui/views/loss_plot.py" line="123"/>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/shell/main_window.py" line="83"/>
        <source>Reset to the initial weights of seed {0}.</source>
        <translation>シード {0} の重みの初期値にリセットしました。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="170"/>
        <source>run {0}</source>
        <translation>学習 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="215"/>
        <source>2-layer</source>
        <translation>2層</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="218"/>
        <source>GateLab — {0}, {1}</source>
        <translation>GateLab — {0}、{1}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="287"/>
        <source>Default settings restored; the language follows the system from the next start.</source>
        <translation>設定を初期状態に戻しました。言語は次回の起動からシステムの設定に従います。</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <location filename="../../gui/views/math_panel.py" line="595"/>
        <source>Which step (pass over the 4 rows), which truth-table row and which phase of its update is shown</source>
        <translation>表示しているのは、どのステップ（4行をひととおり学習する1回）の、真理値表のどの行の、更新のどの段階か</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="603"/>
        <source>GateLab&apos;s (from 1, bias last)</source>
        <translation>GateLab の記法（1 から数え、バイアスは最後）</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="604"/>
        <source>the article&apos;s (from 0, w first, w second)</source>
        <translation>記事の記法（0 から数え、w first、w second）</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="605"/>
        <source>Which symbols the formulas use; the table under them maps each to the other and to the article&apos;s code</source>
        <translation>式に使う記号。下の表で、それぞれの記号ともう一方の記法、記事のコードの変数を対応させています</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="608"/>
        <source>N&amp;otation:</source>
        <translation>記法(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="616"/>
        <source>Each row&apos;s update has four phases, in the article&apos;s order</source>
        <translation>各行の更新は、記事と同じ順の4つの段階からなります</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="630"/>
        <source>The formulas of this phase, with this row&apos;s numbers put in</source>
        <translation>この段階の数式に、この行の数値を入れたもの</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="634"/>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="636"/>
        <source>Show the next phase, or the next row once this one is updated (N)</source>
        <translation>次の段階を表示します。この行の更新が済んでいれば次の行へ進みます (N)</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="704"/>
        <source>inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="704"/>
        <source>weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="705"/>
        <source>bias weight</source>
        <translation>バイアスの重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="705"/>
        <source>input sum</source>
        <translation>入力の合計</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="706"/>
        <source>prediction, target</source>
        <translation>予測値、真の値</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="706"/>
        <source>step loss</source>
        <translation>ステップの損失</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="707"/>
        <source>input to hidden weight</source>
        <translation>入力と隠れ層の間の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="708"/>
        <source>hidden node</source>
        <translation>隠れ層のノード</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="708"/>
        <source>bias node</source>
        <translation>バイアスのノード</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="709"/>
        <source>hidden to output weight</source>
        <translation>隠れ層と出力の間の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="710"/>
        <source>output sum, prediction, target</source>
        <translation>出力の合計、予測値、真の値</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="711"/>
        <source>output delta</source>
        <translation>出力のデルタ</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="711"/>
        <source>hidden delta</source>
        <translation>隠れ層のデルタ</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="714"/>
        <source>GateLab</source>
        <translation>GateLab</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="714"/>
        <source>the article</source>
        <translation>記事</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="714"/>
        <source>the article&apos;s code</source>
        <translation>記事のコード</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="717"/>
        <source>Symbols</source>
        <translation>記号</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="747"/>
        <source>No network yet</source>
        <translation>まだネットワークがありません</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="753"/>
        <source>After the last step ({step}), row [{x1}, {x2}], phase: {phase}</source>
        <translation>最後のステップ ({step}) の後、行 [{x1}, {x2}]、段階: {phase}</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="756"/>
        <source>Step {step}, row [{x1}, {x2}], phase: {phase}</source>
        <translation>ステップ {step}、行 [{x1}, {x2}]、段階: {phase}</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="769"/>
        <source>Pause training to step through the math.</source>
        <translation>計算を順に追うには、学習を一時停止してください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="771"/>
        <source>This walk-through follows the article&apos;s online training (one update after each row). Switch the mode to online to step through it.</source>
        <translation>この解説は記事のオンライン学習（1行ごとに1回更新）に沿っています。順に追うには、更新方式をオンラインに切り替えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="774"/>
        <source>The network diverged: lower α or reset it.</source>
        <translation>ネットワークが発散しました。α を小さくするか、リセットしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="776"/>
        <source>The optimizer&apos;s state at this step is not known here, so its numbers below start from 0: train on, or reset the network, to step through them.</source>
        <translation>このステップでの最適化手法の状態がここでは分からないため、下の数値は 0 から始まっています。その数値を順に追うには、学習を続けるか、ネットワークをリセットしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="779"/>
        <source>The run has done all its {0} steps: raise Steps to go on.</source>
        <translation>予定の {0} ステップをすべて終えました。続けるにはステップ数を増やしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="787"/>
        <source>forward</source>
        <translation>順伝播</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="787"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="787"/>
        <source>backward</source>
        <translation>逆伝播</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="788"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="23"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="24"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="25"/>
        <source>&amp;Undo weight edit</source>
        <translation>重みの編集を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="26"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="27"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="28"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="29"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="30"/>
        <source>What am I &amp;looking at?</source>
        <translation>この画面の見方(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="32"/>
        <source>Follow the &amp;article…</source>
        <translation>記事に沿って学ぶ(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="34"/>
        <source>The &amp;theorem, step by step…</source>
        <translation>普遍近似定理を順に学ぶ(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="41"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="42"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="43"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="36"/>
        <source>A&amp;bout GateLab</source>
        <translation>GateLab について(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="44"/>
        <source>Save a&amp;ll runs as a session…</source>
        <translation>すべての学習をセッションとして保存(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="46"/>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="50"/>
        <source>Picture for a &amp;slide…</source>
        <translation>スライド用の画像(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="53"/>
        <source>&amp;Animation (GIF)…</source>
        <translation>アニメーション (GIF)(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="56"/>
        <source>&amp;Restore default settings</source>
        <translation>設定を初期状態に戻す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="57"/>
        <source>Start &amp;fresh each time (classroom)</source>
        <translation>毎回初期設定で起動（教室用）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="62"/>
        <source>Every start uses the article&apos;s settings and speed, not the last user&apos;s (theirs are kept). Also: python main.py --fresh</source>
        <translation>起動するたびに、前の人の設定ではなく記事の設定と速度で始めます（前の人の設定は残ります）。python main.py --fresh でも同じです</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="66"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="73"/>
        <source>Loss as the article&apos;s code &amp;sums it (no ½)</source>
        <translation>損失を記事のコードの和で表示（½ なし）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="77"/>
        <source>The article&apos;s 3-layer code adds up (yp - yt)² without the ½ GateLab uses, so its loss curve is twice GateLab&apos;s. Shows the loss plot and the status bar that way; training is the same.</source>
        <translation>記事の3層のコードは (yp - yt)² を GateLab の ½ を付けずに足すので、その損失の曲線は GateLab の 2 倍になります。損失のグラフとステータスバーをその値で表示します。学習そのものは変わりません。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="82"/>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="85"/>
        <source>Full screen, text and lines twice as large, only the essential controls: for a projector. Esc or F11 leaves it.</source>
        <translation>全画面で、文字と線を2倍にし、必要な操作だけを表示します（プロジェクター用）。Esc か F11 で元に戻ります。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="93"/>
        <source>&amp;Many seeds…</source>
        <translation>多数のシードで試す(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="94"/>
        <source>How many &amp;hidden nodes?…</source>
        <translation>隠れ層のノードはいくつ必要？(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="96"/>
        <source>&amp;Practice a step by hand</source>
        <translation>1ステップを手で計算する(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="98"/>
        <source>&amp;Compare the run with</source>
        <translation>この学習と比べる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="99"/>
        <source>the other &amp;update order (same seed)</source>
        <translation>もう一方の更新順序（同じシード）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="99"/>
        <source>&amp;alpha × 4 (same seed)</source>
        <translation>学習率 × 4（同じシード）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="100"/>
        <source>a&amp;lpha ÷ 4 (same seed)</source>
        <translation>学習率 ÷ 4（同じシード）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="100"/>
        <source>one more &amp;hidden node (same seed)</source>
        <translation>隠れ層のノードを1個増やす（同じシード）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="101"/>
        <source>the &amp;2-layer model, or 2 hidden nodes (same seed)</source>
        <translation>2層モデル、または隠れ層のノード2個（同じシード）(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="102"/>
        <source>&amp;momentum, or plain gradient descent (same seed)</source>
        <translation>モーメンタム、または通常の勾配降下法（同じシード）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="103"/>
        <source>A&amp;dam, or plain gradient descent (same seed)</source>
        <translation>Adam、または通常の勾配降下法（同じシード）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="104"/>
        <source>the run &amp;selected in the Runs panel</source>
        <translation>学習の一覧で選んだ学習(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="113"/>
        <source>System default</source>
        <translation>システムの設定</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="122"/>
        <source>About GateLab</source>
        <translation>GateLab について</translation>
    </message>
    <message>
        <location filename="../../gui/shell/menu_bar.py" line="123"/>
        <source>GateLab 0.1: watch a 2- or 3-layer neural network learn a logic gate.

Built with Qt {0} through PySide6 (LGPLv3), pyqtgraph (MIT), NumPy (BSD) and PyOpenGL (BSD). GateLab itself is MIT-licensed.</source>
        <translation>GateLab 0.1: 2層または3層のニューラルネットワークが論理ゲートを学習する様子を観察できます。

Qt {0}（PySide6 経由、LGPLv3）、pyqtgraph(MIT)、NumPy(BSD)、PyOpenGL(BSD)を使って作られています。GateLab 自体は MIT ライセンスです。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gui/common/messages.py" line="30"/>
        <source>a number greater than 0 and at most {0:g}</source>
        <translation>0 より大きく {0:g} 以下の数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="32"/>
        <source>a whole number from 1 to {0:,}</source>
        <translation>1 から {0:,} までの整数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="28"/>
        <source>a whole number from 0 to {0}</source>
        <translation>0 から {0} までの整数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="35"/>
        <source>four numbers from 0 to 1</source>
        <translation>0 から 1 までの数を4つ</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="36"/>
        <source>empty, or a number greater than 0 and at most {0:g}</source>
        <translation>空欄、または 0 より大きく {0:g} 以下の数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="50"/>
        <source>Alpha</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="51"/>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="52"/>
        <source>Hidden nodes</source>
        <translation>隠れ層のノード数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="53"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="54"/>
        <source>Targets</source>
        <translation>真の値</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="55"/>
        <source>Target loss</source>
        <translation>目標損失</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="56"/>
        <source>Gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="57"/>
        <source>Mode</source>
        <translation>更新方式</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="58"/>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="59"/>
        <source>Loss</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="60"/>
        <source>Initial weights</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="61"/>
        <source>Update order</source>
        <translation>更新の順序</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="62"/>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="63"/>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="64"/>
        <source>Grid</source>
        <translation>格子</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="65"/>
        <source>Tolerance</source>
        <translation>許容誤差</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="73"/>
        <source>online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="74"/>
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="75"/>
        <source>sigmoid</source>
        <translation>シグモイド</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="76"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="77"/>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="78"/>
        <source>squared</source>
        <translation>二乗誤差</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="79"/>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="80"/>
        <source>uniform</source>
        <translation>一様乱数</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="81"/>
        <source>xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="82"/>
        <source>textbook</source>
        <translation>教科書の順序</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="83"/>
        <source>article</source>
        <translation>記事のコードの順序</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="84"/>
        <source>gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="85"/>
        <source>momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="86"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="99"/>
        <source>{0:,} steps</source>
        <translation>{0:,} ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="106"/>
        <source>targets {0}</source>
        <translation>真の値 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="108"/>
        <source>within ±{0:g}</source>
        <translation>許容誤差 ±{0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="110"/>
        <source>no target loss</source>
        <translation>目標損失なし</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="111"/>
        <source>target loss {0:g}</source>
        <translation>目標損失 {0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="136"/>
        <source>“{0}” is not a whole number. Numbers here are written with a decimal point and a comma between thousands: 2,000 is two thousand.</source>
        <translation>「{0}」は整数ではありません。ここでは小数点に「.」、3桁ごとの区切りに「,」を使います（2,000 は二千）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="148"/>
        <source>{0}: {1} is not allowed. Allowed: {2}.</source>
        <translation>{0}: {1} は使えません。使える値: {2}。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="155"/>
        <source>the {0} x {0} check grid</source>
        <translation>{0} x {0} の検査用格子</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="156"/>
        <source>the {0} x {0} grid</source>
        <translation>{0} x {0} の格子</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="164"/>
        <source>The function must be text, such as x1*x2.</source>
        <translation>関数は x1*x2 のような文字列で入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="165"/>
        <source>The expression is empty: type one in x1 and x2, such as x1*x2.</source>
        <translation>式が空です。x1*x2 のように、x1 と x2 の式を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="167"/>
        <source>The expression has {0} characters; at most {1}.</source>
        <translation>式が {0} 文字あります。{1} 文字までにしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="169"/>
        <source>“{0}” at character {1} is not allowed: use numbers, pi, x1, x2, + - * / ^, parentheses and sin cos exp log sqrt abs tanh min max.</source>
        <translation>{1} 文字目の「{0}」は使えません。使えるのは数、pi、x1、x2、+ - * / ^、かっこ、sin cos exp log sqrt abs tanh min max です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="172"/>
        <source>“**” at character {0}: write powers with ^ (x1^2).</source>
        <translation>{0} 文字目の「**」: べき乗は ^ で書いてください（x1^2）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="174"/>
        <source>“{0}” was expected at character {1}.</source>
        <translation>{1} 文字目には「{0}」が必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="176"/>
        <source>Nested more than {0} deep at character {1}.</source>
        <translation>{1} 文字目で入れ子が {0} 段を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="178"/>
        <source>Unexpected “{0}” at character {1}: is an operator missing (2*x1, not 2x1)?</source>
        <translation>{1} 文字目の「{0}」は予期しないものです。演算子が抜けていませんか（2x1 ではなく 2*x1）？</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="181"/>
        <source>The number at character {0} is too large.</source>
        <translation>{0} 文字目の数が大きすぎます。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="182"/>
        <source>“{0}” at character {1} is not known: use numbers, pi, x1, x2, + - * / ^, parentheses and sin cos exp log sqrt abs tanh min max.</source>
        <translation>{1} 文字目の「{0}」は知らない名前です。使えるのは数、pi、x1、x2、+ - * / ^、かっこ、sin cos exp log sqrt abs tanh min max です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="185"/>
        <source>A number, x1, x2 or “(” was expected at character {0}.</source>
        <translation>{0} 文字目には数、x1、x2、または「(」が必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="187"/>
        <source>“{0}” at character {1} needs its argument in parentheses: {0}(x1).</source>
        <translation>{1} 文字目の「{0}」は引数をかっこで囲んでください: {0}(x1)。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="189"/>
        <source>{0} at character {1} takes {2} arguments: it was given {3}.</source>
        <translation>{1} 文字目の {0} の引数は{2}ですが、{3} 個与えられています。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="191"/>
        <source>two or more</source>
        <translation>2個以上</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="192"/>
        <source>one</source>
        <translation>1個</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="193"/>
        <source>The function is not defined (or not finite) at ({0:.3g}, {1:.3g}) on {2}.</source>
        <translation>{2}の点 ({0:.3g}, {1:.3g}) で関数が定義されていません（または有限の値になりません）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="203"/>
        <source>The values on {0} run from {1:.3g} to {2:.3g}, outside [0, 1] (the output is a sigmoid).</source>
        <translation>{0}上の値は {1:.3g} から {2:.3g} までで、[0, 1] の外に出ています（出力はシグモイドです）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="206"/>
        <source>Shift it: {0} runs from {1:.3g} to {2:.3g}.</source>
        <translation>ずらしてください: {0} なら {1:.3g} から {2:.3g} までになります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="208"/>
        <source>Scale it: {0} runs from {1:.3g} to {2:.3g}.</source>
        <translation>縮めてください: {0} なら {1:.3g} から {2:.3g} までになります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="217"/>
        <source>Training diverged at step {0}: the loss or a weight stopped being a finite number. Every view shows the last finite state.</source>
        <translation>ステップ {0} で学習が発散しました。損失または重みが有限の数でなくなりました。どの表示も、最後の有限な状態を示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="221"/>
        <source>Training failed: {0}</source>
        <translation>学習に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="235"/>
        <source>This run failed, so its weights cannot be edited. Press Reset (Ctrl+R) for a new run.</source>
        <translation>この学習は失敗したため、重みを編集できません。新しい学習を始めるには「リセット」(Ctrl+R) を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="243"/>
        <source>solved</source>
        <translation>解けた</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="244"/>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="245"/>
        <source>no line can split it</source>
        <translation>直線では分けられない</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="246"/>
        <source>saturated</source>
        <translation>飽和</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="247"/>
        <source>still learning</source>
        <translation>まだ学習中</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="248"/>
        <source>stuck</source>
        <translation>行き詰まり</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="249"/>
        <source>too early to tell</source>
        <translation>まだ判断できない</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="250"/>
        <source>not yet within the tolerance</source>
        <translation>まだ許容誤差に収まっていない</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="264"/>
        <source>Within {0:g} at every sample: the largest error is {1} at {2}.</source>
        <translation>すべての標本点で誤差が {0:g} 以内です。最大の誤差は {2} での {1} です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="267"/>
        <source>Solved: every prediction is near its target.</source>
        <translation>解けました: どの予測値も真の値の近くにあります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="268"/>
        <source>barely</source>
        <translation>ぎりぎりで</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="269"/>
        <source>comfortably</source>
        <translation>余裕をもって</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="270"/>
        <source>clearly</source>
        <translation>はっきりと</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="271"/>
        <source>Solved {0}: the row closest to 0.5 is {1} ({2:.2f} for target {3:g}, {4:.2f} from 0.5).</source>
        <translation>{0}解けました。0.5 にいちばん近い行は {1} です（真の値 {3:g} に対して {2:.2f}、0.5 から {4:.2f}）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="275"/>
        <source>The weights grew until the numbers overflowed: lower alpha and train again.</source>
        <translation>重みが大きくなりすぎて、数値があふれました。学習率 α を下げて、もう一度学習してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="279"/>
        <source>With one hidden node the network still draws one straight line, and no straight line puts (1, 0) and (0, 1) on one side and (0, 0) and (1, 1) on the other: add hidden nodes.</source>
        <translation>隠れ層のノードが1つでは、ネットワークが引けるのはやはり直線1本だけです。(1, 0) と (0, 1) を一方の側に、(0, 0) と (1, 1) をもう一方の側に分ける直線はありません。隠れ層のノードを増やしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="283"/>
        <source>A 2-layer model draws one straight line, and no straight line puts (1, 0) and (0, 1) on one side and (0, 0) and (1, 1) on the other: add hidden nodes.</source>
        <translation>2層モデルが引けるのは直線1本だけです。(1, 0) と (0, 1) を一方の側に、(0, 0) と (1, 1) をもう一方の側に分ける直線はありません。隠れ層のノードを加えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="288"/>
        <source>The output is pinned at 0 or 1, where its slope is ~0 and learning stops: lower alpha, or start from Xavier weights (Advanced).</source>
        <translation>出力が 0 か 1 に張り付いています。そこでは傾きがほぼ 0 なので、学習が進みません。学習率 α を下げるか、重みの初期値を Xavier にしてください（詳細設定）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="292"/>
        <source>{0} of {1} hidden nodes are switched off (their input is below 0 on every row) and pass no gradient, so learning stops: lower alpha, or start from Xavier weights (Advanced).</source>
        <translation>隠れ層のノード {1} 個のうち {0} 個が、どの行でも入力が 0 未満のため出力が 0 のままで、勾配を伝えないため、学習が進みません。学習率 α を下げるか、重みの初期値を Xavier にしてください（詳細設定）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="297"/>
        <source>{0} of {1} hidden nodes are pinned at -1 or 1, where their slope is ~0 and learning stops: lower alpha, or start from Xavier weights (Advanced).</source>
        <translation>隠れ層のノード {1} 個のうち {0} 個が -1 か 1 に張り付いています。そこでは傾きがほぼ 0 なので、学習が進みません。学習率 α を下げるか、重みの初期値を Xavier にしてください（詳細設定）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="301"/>
        <source>{0} of {1} hidden nodes are pinned at 0 or 1, where their slope is ~0 and learning stops: lower alpha, or start from Xavier weights (Advanced).</source>
        <translation>隠れ層のノード {1} 個のうち {0} 個が 0 か 1 に張り付いています。そこでは傾きがほぼ 0 なので、学習が進みません。学習率 α を下げるか、重みの初期値を Xavier にしてください（詳細設定）。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="306"/>
        <source>Not trained yet. Press Train (Space) to watch the network learn, or Step (.) for one step at a time.</source>
        <translation>まだ学習していません。「学習」（Space）で学習の様子を見るか、「1ステップ」（.）で1ステップずつ進めます。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="309"/>
        <source>Only {0:,} steps so far: too early to tell; train on.</source>
        <translation>まだ {0:,} ステップしか進んでいないので、判断するには早すぎます。学習を続けてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="313"/>
        <source>The gradient is not small ({0:.1e}): more steps will likely solve it.</source>
        <translation>勾配は小さくありません({0:.1e})。ステップを増やせば解ける見込みがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="315"/>
        <source>The loss is still falling ({0:.0%} over the last {1:,} steps): more steps will likely solve it.</source>
        <translation>損失はまだ下がっています（最近の {1:,} ステップで {0:.0%}）。ステップを増やせば解ける見込みがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="318"/>
        <source>Stuck: the loss has stopped falling (gradient {0:.1e}) with {1} on the wrong side: a local minimum, or a plateau that may still end.</source>
        <translation>行き詰まり: 損失が下がらなくなりました（勾配 {0:.1e}）。{1} は 0.5 を境に目標と逆の側にあるままです。局所的な最小値か、まだ抜け出せるかもしれない平らな領域（プラトー）にいます。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="323"/>
        <source>{0} sit near 0.5.</source>
        <translation>{0} は 0.5 の近くにあります。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="326"/>
        <source>Hidden nodes {0} and {1} draw nearly the same line.</source>
        <translation>隠れ層のノード {0} と {1} は、ほとんど同じ直線を引いています。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="328"/>
        <source>Try more steps, another seed, more hidden nodes or another alpha.</source>
        <translation>ステップを増やす、シードを変える、隠れ層のノードを増やす、学習率 α を変える、のどれかを試してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="101"/>
        <location filename="../../gui/common/messages.py" line="362"/>
        <source>2-layer model</source>
        <translation>2層モデル</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="44"/>
        <source>1 hidden node</source>
        <translation>隠れ層のノード 1 個</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="45"/>
        <source>{0} hidden nodes</source>
        <translation>隠れ層のノード {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="104"/>
        <location filename="../../gui/common/messages.py" line="354"/>
        <source>custom gate</source>
        <translation>カスタムゲート</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="95"/>
        <location filename="../../gui/common/messages.py" line="367"/>
        <source>alpha {0:g}</source>
        <translation>学習率 α {0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="97"/>
        <location filename="../../gui/common/messages.py" line="368"/>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="139"/>
        <source>{0} is not from {1} to {2}; the field keeps {3}.</source>
        <translation>{0} は {1} から {2} の範囲にありません。値は {3} のままです。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="231"/>
        <source>These weights are not finite numbers, so they cannot be edited. Pick an earlier step on the timeline to edit a weight there, or press Reset (Ctrl+R).</source>
        <translation>これらの重みは有限の数ではないため、編集できません。タイムラインで前のステップを選んでそこで重みを編集するか、「リセット」(Ctrl+R) を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="334"/>
        <source>Not yet within {0:g}: the largest error is {1} at {2}.</source>
        <translation>まだ誤差が {0:g} 以内に収まっていません。最大の誤差は {2} での {1} です。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="337"/>
        <source>The loss is still falling ({0:.0%} over the last {1:,} steps): train on.</source>
        <translation>損失はまだ下がっています（直近 {1:,} ステップで {0:.0%}）。学習を続けてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="341"/>
        <source>The loss has stopped falling: try more hidden nodes, another alpha or another seed.</source>
        <translation>損失が下がらなくなりました。隠れ層のノードを増やすか、学習率やシードを変えてみてください。</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="369"/>
        <source>step {0:,}</source>
        <translation>ステップ {0:,}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="370"/>
        <source>loss {0:.4g}</source>
        <translation>損失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../../gui/common/messages.py" line="371"/>
        <source>loss {0:.4g} (the article&apos;s sum, no ½)</source>
        <translation>損失 {0:.4g}（記事のコードの和、½ なし）</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../gui/views/network_view.py" line="223"/>
        <source>Row: [{0}, {1}]</source>
        <translation>行: [{0}, {1}]</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="224"/>
        <source>The truth-table row whose values the nodes show</source>
        <translation>ノードに値を表示する、真理値表の行</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="257"/>
        <source>positive weight</source>
        <translation>正の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="258"/>
        <source>Blue edge: the weight is positive</source>
        <translation>青い線: 重みが正</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="259"/>
        <source>negative weight</source>
        <translation>負の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="260"/>
        <source>Orange edge: the weight is negative</source>
        <translation>オレンジの線: 重みが負</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="262"/>
        <source>width = |w|</source>
        <translation>太さ = |w|</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="263"/>
        <source>The thicker the edge, the larger the weight&apos;s size |w| (full width from |w| = {0})</source>
        <translation>線が太いほど、重みの大きさ |w| が大きい（|w| = {0} 以上で最大の太さ）</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="287"/>
        <source>Double-click an edge to change its weight.</source>
        <translation>線をダブルクリックで重みを変更。</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="289"/>
        <source>Pause training to edit a weight (double-click an edge).</source>
        <translation>一時停止中に線をダブルクリックで編集。</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="332"/>
        <source>{name}, row [{x1}, {x2}]</source>
        <translation>{name}、行 [{x1}, {x2}]</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="334"/>
        <source>bias node: always 1</source>
        <translation>バイアスのノード: 常に 1</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="336"/>
        <source>input {name} = {value}</source>
        <translation>入力 {name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="338"/>
        <source>input sum {name} = {value}</source>
        <translation>入力の合計 {name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="340"/>
        <source>activation {name} = {f}({sum}) = {value}</source>
        <translation>活性化関数の出力 {name} = {f}({sum}) = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="346"/>
        <source>{name} = {value}</source>
        <translation>{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="348"/>
        <source>Double-click to edit</source>
        <translation>ダブルクリックで編集</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="349"/>
        <source>Pause training to edit this weight</source>
        <translation>この重みを編集するには、学習を一時停止してください</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="417"/>
        <source>inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="419"/>
        <source>hidden layer ({0} nodes)</source>
        <translation>隠れ層（ノード {0} 個）</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="420"/>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="424"/>
        <source>input {0}</source>
        <translation>入力 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="426"/>
        <source>bias input</source>
        <translation>バイアス入力</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="426"/>
        <source>hidden bias</source>
        <translation>隠れ層のバイアス</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="428"/>
        <source>hidden node {0}</source>
        <translation>隠れ層のノード {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="429"/>
        <source>output yp</source>
        <translation>出力 yp</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="453"/>
        <source>New value of {0} (now {1}; the editor takes {2:,.0f} to {3:,.0f}):</source>
        <translation>{0} の新しい値（現在 {1}。入力できるのは {2:,.0f} から {3:,.0f} まで）:</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="455"/>
        <source>Edit weight</source>
        <translation>重みの編集</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="451"/>
        <source>New value of {0}:</source>
        <translation>{0} の新しい値:</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="461"/>
        <source>Pause training to edit a weight.</source>
        <translation>重みを編集するには、学習を一時停止してください。</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../gui/views/output_view.py" line="25"/>
        <source>OpenGL is not available ({0}): showing a 2D map instead.</source>
        <translation>OpenGL を使えません({0})。代わりに 2D のマップを表示します。</translation>
    </message>
</context>
<context>
    <name>PracticePanel</name>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="65"/>
        <source>Round numbers from a seed</source>
        <translation>シードから作るきりのよい数値</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="66"/>
        <source>The article&apos;s AND step</source>
        <translation>記事のANDの1ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="67"/>
        <source>The article&apos;s XOR step</source>
        <translation>記事のXORの1ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="68"/>
        <source>The run shown, at its step</source>
        <translation>表示中の学習（表示中のステップ）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="70"/>
        <source>Which update to work: round numbers for pencil and paper, the first update of the article&apos;s runs, or the run in the window</source>
        <translation>計算する更新: 紙と鉛筆で解けるきりのよい数値、記事の学習の最初の更新、またはウィンドウに表示中の学習</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="74"/>
        <source>The same seed gives the same exercise</source>
        <translation>同じシードからは同じ問題ができます</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="78"/>
        <source>The truth-table row of the update (round numbers draw theirs)</source>
        <translation>更新に使う真理値表の行（きりのよい数値の問題では行もシードで決まります）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="80"/>
        <source>GateLab&apos;s symbols</source>
        <translation>GateLabの記号</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="81"/>
        <source>The article&apos;s symbols</source>
        <translation>記事の記号</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="82"/>
        <source>GateLab counts from 1 with the bias last; the article counts from 0</source>
        <translation>GateLabは1から数えてバイアスを最後に置き、記事は0から数えます</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="85"/>
        <source>Start the exercise chosen above</source>
        <translation>上で選んだ問題を始めます</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="90"/>
        <source>Your number, then Enter</source>
        <translation>数値を入力して Enter</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="91"/>
        <source>Type the number and press Enter: right within 0.5 % or 0.005</source>
        <translation>数値を入力して Enter を押します。正しい値の0.5 %以内、または差が0.005以内なら正解です</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="93"/>
        <source>&amp;Check</source>
        <translation>答え合わせ(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="94"/>
        <source>Check the number typed (Enter)</source>
        <translation>入力した数値を確かめます（Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="96"/>
        <source>The formula with the numbers put in</source>
        <translation>数値を代入した式を表示します</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="98"/>
        <source>Show the right value and go on to the next number</source>
        <translation>正しい値を表示して次の数値に進みます</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="103"/>
        <source>How many exercises the worksheet has</source>
        <translation>練習問題シートの問題数</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="105"/>
        <source>Save this many exercises from the seed, with an answer key, as PDF</source>
        <translation>このシードから作ったこの数の問題を、解答付きでPDFに保存します</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="119"/>
        <source>E&amp;xercise:</source>
        <translation>問題(&amp;X):</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="84"/>
        <source>Ne&amp;w exercise</source>
        <translation>新しい問題(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="95"/>
        <source>H&amp;int</source>
        <translation>ヒント(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="97"/>
        <source>Show &amp;me</source>
        <translation>答えを見る(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="104"/>
        <source>Wor&amp;ksheet (PDF)…</source>
        <translation>練習問題シート（PDF）(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="120"/>
        <source>See&amp;d:</source>
        <translation>シード(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="121"/>
        <source>&amp;Row:</source>
        <translation>行(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="122"/>
        <source>N&amp;otation:</source>
        <translation>記号(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="192"/>
        <source>No exercise: {0}</source>
        <translation>問題を作れません: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="207"/>
        <source>there is no run yet</source>
        <translation>まだ学習がありません</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="210"/>
        <source>the optimizer&apos;s state at this step is unknown</source>
        <translation>このステップでの最適化手法の状態がわかりません</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="212"/>
        <source>the run trains in batch mode, and practice works one row&apos;s update</source>
        <translation>この学習の更新方式はバッチで、練習では1行ごとの更新を計算します</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="215"/>
        <source>the run has diverged</source>
        <translation>この学習は発散しています</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="274"/>
        <source>Done: {right} of {total} right at the first try.</source>
        <translation>完了: {total}問中{right}問を一度で正解</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="281"/>
        <source>All practice so far: {right} of {asked} right at the first try.</source>
        <translation>これまでの練習: {asked}問中{right}問を一度で正解</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="293"/>
        <source>Right: {symbol} = {value} (your answer is within 0.5 % of it).</source>
        <translation>正解です: {symbol} = {value}（入力した値は正しい値の0.5 %以内）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="294"/>
        <source>Right: {symbol} = {value} (your answer is within 0.005 of it).</source>
        <translation>正解です: {symbol} = {value}（入力した値と正しい値の差は0.005以内）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="295"/>
        <source>the weight left as it was. The new weight is the old one minus the change.</source>
        <translation>重みを更新しなかった場合の値です。新しい重みは、古い重みから変化量を引いたものです。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="297"/>
        <source>α left out. The weight moves by α times the gradient&apos;s term, not by the term alone.</source>
        <translation>α を掛け忘れた場合の値です。重みの変化量は勾配の項に α を掛けたもので、項そのものではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="299"/>
        <source>the output weight from before its update. In the article&apos;s order the output weights are updated first, and the hidden deltas use the new ones.</source>
        <translation>出力層の重みを更新前の値で使った場合の値です。記事のコードの順では出力層の重みを先に更新し、隠れ層のδには更新後の値を使います。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="301"/>
        <source>the output weight after its update. In the textbook order the hidden deltas use the output weights from before the update.</source>
        <translation>出力層の重みを更新後の値で使った場合の値です。教科書の順では、隠れ層のδには更新前の出力層の重みを使います。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="303"/>
        <source>the ½ left out. L = ½ (yp − yt)², so ∂L/∂yp = yp − yt, not 2 (yp − yt).</source>
        <translation>½を落とした場合の値です。L = ½ (yp − yt)² なので ∂L/∂yp = yp − yt で、2 (yp − yt) ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="305"/>
        <source>the ½ kept in the slope. Differentiating ½ (yp − yt)² brings down the 2, which cancels the ½: ∂L/∂yp = yp − yt.</source>
        <translation>傾きに½を残した場合の値です。½ (yp − yt)² を微分すると指数の2が前に出て½と打ち消し合い、∂L/∂yp = yp − yt になります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="307"/>
        <source>the sign of the error flipped. The error is yp − yt (the prediction minus the target), not yt − yp.</source>
        <translation>誤差の符号を逆にした場合の値です。誤差は yp − yt（予測値から真の値を引いたもの）で、yt − yp ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="309"/>
        <source>the activation&apos;s value f(u) where its slope f′(u) belongs (for the sigmoid, f′(u) = f(u) (1 − f(u))).</source>
        <translation>活性化関数の傾き f′(u) の代わりに値 f(u) を使った場合の値です（シグモイドなら f′(u) = f(u) (1 − f(u))）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="311"/>
        <source>the bias input left out. Its 1, times its weight, belongs in the sum too.</source>
        <translation>バイアス入力を落とした場合の値です。1 とその重みの積も和に入ります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="312"/>
        <source>the numbers of row [{x1}, {x2}]; this exercise is row [{y1}, {y2}].</source>
        <translation>行 [{x1}, {x2}] の数値で計算した場合の値です。この問題は行 [{y1}, {y2}] です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="313"/>
        <source>Not quite. Your number is what you get with {what}</source>
        <translation>惜しい。あなたの答えは、{what}</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="314"/>
        <source> Or with </source>
        <translation> または、</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="315"/>
        <source>Not right, and none of the usual slips gives your number. Press Hint for the formula with the numbers put in, or look at it again.</source>
        <translation>違います。よくある間違いのどれとも一致しません。「ヒント」で数値を代入した式を見るか、式をもう一度確かめてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="317"/>
        <source>Please type a number.</source>
        <translation>数値を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="318"/>
        <source>A comma before three digits reads two ways (1,000 or 1.000): please write the number with a decimal point.</source>
        <translation>3桁の数字の前のコンマは2通りに読めます（1,000 と 1.000）。小数点を使って書いてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="320"/>
        <source>Compute each number in turn and press Enter; Hint shows the formula with the numbers put in, Show me the value.</source>
        <translation>順に各値を計算して Enter を押してください。「ヒント」は数値を代入した式を、「答えを見る」は値を表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="322"/>
        <source>Hint: {symbol} = {formula} = {numbers}</source>
        <translation>ヒント: {symbol} = {formula} = {numbers}</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="324"/>
        <source>{model}, {gate} gate, {loss} loss, α = {alpha}, {order} update order, {optimizer}.</source>
        <translation>{model}、{gate}ゲート、損失 {loss}、学習率 α = {alpha}、{order}、{optimizer}</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="326"/>
        <source>Row [{x1}, {x2}]: inputs {inputs}; target yt = {yt}.</source>
        <translation>行 [{x1}, {x2}]: 入力 {inputs}、真の値 yt = {yt}</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="327"/>
        <source>Weights before the update:</source>
        <translation>更新前の重み:</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="328"/>
        <source>The optimizer&apos;s state before the update:</source>
        <translation>更新前の最適化手法の状態:</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="329"/>
        <source>t = {t} (the count of updates, this one included: the t of 1 − 0.9^t)</source>
        <translation>t = {t}（今回を含めた更新の回数。1 − 0.9^t の t）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="330"/>
        <source>2-layer model</source>
        <translation>2層モデル</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="331"/>
        <source>3-layer model, {h} {activation} hidden nodes</source>
        <translation>3層モデル（隠れ層は{activation}のノード {h} 個）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="332"/>
        <source> (new)</source>
        <translation>（更新後）</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="333"/>
        <source>textbook</source>
        <translation>教科書の順序</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="333"/>
        <source>the article&apos;s</source>
        <translation>記事のコードの順序</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="334"/>
        <source>gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="334"/>
        <source>momentum 0.9</source>
        <translation>モーメンタム 0.9</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="335"/>
        <source>squared</source>
        <translation>二乗誤差</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="335"/>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <location filename="../../gui/views/practice_panel.py" line="336"/>
        <source>sigmoid</source>
        <translation>シグモイド</translation>
    </message>
</context>
<context>
    <name>PredictionsTable</name>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="74"/>
        <source>Read from the run: the loss trend over recent steps, the gradient, the hidden nodes&apos; slopes and the rows near 0.5</source>
        <translation>学習の様子から判断しています: 最近のステップでの損失の傾向、勾配、隠れ層のノードの傾き、0.5 の近くにある行</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="97"/>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="97"/>
        <source>Input: the row of the truth table, [x1, x2]</source>
        <translation>入力: 真理値表の行 [x1, x2]</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="98"/>
        <source>Prediction</source>
        <translation>予測値</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="98"/>
        <source>Prediction: the network&apos;s output yp for this input</source>
        <translation>予測値: この入力に対するネットワークの出力 yp</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="99"/>
        <source>Target</source>
        <translation>真の値</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="99"/>
        <source>Target: the true value yt the network should learn</source>
        <translation>真の値: ネットワークが学習すべき値 yt</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="100"/>
        <source>Error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="100"/>
        <source>Error: prediction − target (yp − yt)</source>
        <translation>誤差: 予測値 − 真の値 (yp − yt)</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="249"/>
        <source>yp = {value}</source>
        <translation>yp = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="250"/>
        <source>yt = {value}</source>
        <translation>yt = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="253"/>
        <source>yp − yt = {value}</source>
        <translation>yp − yt = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="261"/>
        <source>A function is learned when every sample&apos;s prediction is within {0} of its target; the table shows the four samples farthest from theirs</source>
        <translation>すべての標本点で予測値と目標の差が {0} 以内になれば、関数を学習できたとみなします。表には目標から最も離れた4つの標本点を示します</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="264"/>
        <source>✓ Within {0} at every sample</source>
        <translation>✓ すべての標本点で誤差 {0} 以内</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="267"/>
        <source>Not yet within {0}: the samples farthest from their targets</source>
        <translation>まだ誤差 {0} 以内ではありません。目標から最も離れた標本点:</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="289"/>
        <source>Solved means: for a target of 0 or 1, the prediction is on the same side of 0.5; for any other target, the prediction is within {0} of it</source>
        <translation>「解けた」とは: 真の値が 0 か 1 の行では予測値が 0.5 の同じ側にあること、それ以外の真の値では予測値がその値から {0} 以内にあることです</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="292"/>
        <source>✓ Solved: every prediction is on the right side of 0.5</source>
        <translation>✓ 解けました: どの行も 0.5 を境に目標の側にあります</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="295"/>
        <source>✓ Solved: every prediction is within {0} of its target, or on its side of 0.5 for a 0 or 1</source>
        <translation>✓ 解けました: どの予測値も真の値から {0} 以内（0 と 1 では 0.5 の同じ側）です</translation>
    </message>
    <message>
        <location filename="../../gui/views/predictions_table.py" line="299"/>
        <source>Not solved</source>
        <translation>解けていません</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../gui/shell/presentation.py" line="70"/>
        <source>Esc or F11: back to the usual window</source>
        <translation>Esc か F11: 通常の画面に戻る</translation>
    </message>
</context>
<context>
    <name>RunRestore</name>
    <message>
        <location filename="../../gui/files/run_restore.py" line="97"/>
        <source>Run {0}: {1}</source>
        <translation>実行 {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/run_restore.py" line="100"/>
        <source>Opened {0}, with notes: {1}</source>
        <translation>{0} を開きました。注意: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/run_restore.py" line="108"/>
        <source>This file&apos;s initial weights differ from seed {0}&apos;s: Reset will use the seed&apos;s.</source>
        <translation>このファイルの重みの初期値は、シード {0} のものと異なります。リセットするとシードの重みの初期値を使います。</translation>
    </message>
</context>
<context>
    <name>RunSaving</name>
    <message>
        <location filename="../../gui/files/run_saving.py" line="57"/>
        <source>This is a new, untitled run; {0} is unchanged.</source>
        <translation>これは名前のない新しい実行です。{0} は変更されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/files/run_saving.py" line="74"/>
        <source>This run is not the one in {0}: Save asks for a new name.</source>
        <translation>この学習は {0} の学習ではありません。保存するときは新しい名前を尋ねます。</translation>
    </message>
</context>
<context>
    <name>RunSession</name>
    <message>
        <location filename="../../gui/run/session.py" line="146"/>
        <source>The run reached its target loss at step {0}. Lower or clear the target loss (Advanced) to train on.</source>
        <translation>この学習はステップ {0} で目標損失に達しました。続けるには、詳細設定で目標損失を下げるか消してください。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="153"/>
        <source>One more step: the run now has {0:,} steps.</source>
        <translation>1ステップ追加しました: この学習は {0:,} ステップになりました。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="186"/>
        <source>Step {0:,} cannot be shown: {1}</source>
        <translation>ステップ {0:,} は表示できません: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="227"/>
        <source>Cannot continue from step {0:,}: {1}</source>
        <translation>ステップ {0:,} から続けられません: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="238"/>
        <source>The step-by-step math goes on in a new run that branches off at step {0:,}: run {1} is kept as it trained.</source>
        <translation>計算の手順は、ステップ {0:,} から分岐する新しい学習で続けます。学習 {1} は学習したときのまま残します。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="242"/>
        <source>The edit goes to a new run that branches off at step {0:,}: run {1} is kept as it trained (Ctrl+Z goes back to it).</source>
        <translation>編集は、ステップ {0:,} から分岐する新しい学習に入ります。学習 {1} は学習したときのまま残します（Ctrl+Z で戻れます）。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="246"/>
        <source>A new run branches off at step {0:,}; the run it came from is kept.</source>
        <translation>ステップ {0:,} から新しい学習に分岐しました。元の学習は残してあります。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="279"/>
        <source>The session holds {0} runs. Runs with unsaved progress, in the session file open or shown in the compare window are all kept: save them, or delete some in the Runs panel.</source>
        <translation>セッションには {0} 件の実行があります。未保存の進捗がある実行、開いているセッションファイルの実行、比較ウィンドウに表示中の実行はすべて残します。保存するか、実行パネルでいくつか削除してください。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="323"/>
        <source>from run {0} at step {1:,}</source>
        <translation>学習 {0} のステップ {1:,} から分岐</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="325"/>
        <source>from step {0:,} of a deleted run</source>
        <translation>削除した学習のステップ {0:,} から分岐</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="338"/>
        <source>2-layer</source>
        <translation>2層</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="339"/>
        <source>{0} hidden</source>
        <translation>隠れ層 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="341"/>
        <source>alpha {0:g}</source>
        <translation>学習率 {0:g}</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="342"/>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="346"/>
        <location filename="../../gui/run/session.py" line="524"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="366"/>
        <source>Showing run {0}.</source>
        <translation>学習 {0} を表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="379"/>
        <source>The run shown cannot be deleted: show another run first.</source>
        <translation>表示中の学習は削除できません。先に別の学習を表示してください。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="385"/>
        <source>Run {0} is shown in the compare window: close that window to delete it.</source>
        <translation>学習 {0} は比較ウィンドウに表示されています。削除するには、先にそのウィンドウを閉じてください。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="425"/>
        <source>Run {0} belongs to the compare window while it is open: close that window first (its runs then come back here).</source>
        <translation>学習 {0} は、比較ウィンドウが開いている間はそちらのものです。先にそのウィンドウを閉じてください（閉じると学習はこちらに戻ります）。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="474"/>
        <source>Alpha {0:g}, steps {1:,}: for the new run that Train or Step starts from step {2:,}.</source>
        <translation>学習率 {0:g}、ステップ数 {1:,}: 「学習」か「1ステップ」でステップ {2:,} から始める新しい学習に使います。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="489"/>
        <source>Alpha {0:g}, steps {1:,}: for the next run (Train starts one from the seed; a weight edit branches off with this alpha). The run that diverged keeps its settings.</source>
        <translation>学習率 {0:g}、ステップ数 {1:,}: 次の学習に使います（「学習」はシードから新しく始め、重みを編集するとこの学習率で分岐した学習になります）。発散した学習の設定はそのままです。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="679"/>
        <source>Undid the weight edit: run {0} is shown as it trained.</source>
        <translation>重みの編集を元に戻しました。学習 {0} を学習したときのまま表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="494"/>
        <source>Alpha {0:g}, steps {1:,}: for the next run (Train starts one from the seed; Step adds a step with this alpha). The finished run keeps its settings.</source>
        <translation>学習率 {0:g}、ステップ数 {1:,}: 次の学習に使います（「学習」はシードから新しく始め、「1ステップ」はこの学習率で1ステップ進めます）。終わった学習の設定はそのままです。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="140"/>
        <source>The run diverged at step {0}: there is no step after it. Reset to start again, edit a weight (a new run branches off with it), or pick an earlier step on the timeline and continue from there.</source>
        <translation>この学習はステップ {0} で発散したので、次のステップはありません。リセットしてやり直すか、重みを編集する（その重みで分岐した新しい学習になります）か、タイムラインで前のステップを選んでそこから続けてください。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="512"/>
        <source>Within ±{0:g}: the run is judged by it; its training is unchanged.</source>
        <translation>許容誤差 ±{0:g}: 実行をこの値で判定し直しました。学習の結果は変わりません。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="533"/>
        <source>Alpha {0:g}, steps {1:,}: applied to the run.</source>
        <translation>学習率 {0:g}、ステップ数 {1:,}: 学習に反映しました。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="525"/>
        <source>Settings changed ({0}): the network was reset.</source>
        <translation>設定の変更({0})でネットワークをリセット。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="648"/>
        <source>Nothing to undo: only a weight edit, before the run trains on, can be undone.</source>
        <translation>元に戻せるものはありません: 元に戻せるのは、学習を続ける前の重みの編集だけです。</translation>
    </message>
    <message>
        <location filename="../../gui/run/session.py" line="661"/>
        <source>Undid the weight edit.</source>
        <translation>重みの編集を元に戻しました。</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <location filename="../../gui/views/runs_view.py" line="38"/>
        <source>Every run of this session. Tick runs to lay their loss curves over the plot; double-click or Enter shows a run; F2 renames it; Delete removes it.</source>
        <translation>このセッションのすべての学習です。チェックを入れると損失曲線をグラフに重ねます。ダブルクリックか Enter で表示、F2 で名前を変更、Delete で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="44"/>
        <source>Run</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="44"/>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="44"/>
        <source>Loss now</source>
        <translation>現在の損失</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="45"/>
        <source>Solved</source>
        <translation>解けた</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="55"/>
        <source>Runs</source>
        <translation>学習の一覧</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="88"/>
        <source>shown now</source>
        <translation>表示中</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="163"/>
        <source>&amp;Show this run</source>
        <translation>この学習を表示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="164"/>
        <source>&amp;Compare with the run shown</source>
        <translation>表示中の学習と比較(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="165"/>
        <source>Lay its loss curve &amp;over the plot</source>
        <translation>損失曲線をグラフに重ねる(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="170"/>
        <source>&amp;Rename</source>
        <translation>名前を変更(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="171"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/views/runs_view.py" line="174"/>
        <source>The run shown cannot be deleted: show another run first.</source>
        <translation>表示中の学習は削除できません。先に別の学習を表示してください。</translation>
    </message>
</context>
<context>
    <name>SeedsDialog</name>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="57"/>
        <source>Many seeds</source>
        <translation>多数のシード</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="470"/>
        <source>Trains many copies of this network that differ only in their random starting weights (their seed), and shows how often these settings learn the gate.</source>
        <translation>ランダムな重みの初期値（シード）だけが異なる、このネットワークのコピーをたくさん学習させ、この設定でどのくらいの割合でゲートを学習できるかを示します。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="102"/>
        <source>How many networks to train, each from its own seed (1 to {0}). More networks give a narrower confidence interval but take longer.</source>
        <translation>学習させるネットワークの数(1~{0})。それぞれ別のシードから始めます。数が多いほど信頼区間は狭くなりますが、時間がかかります。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="108"/>
        <source>The first network&apos;s seed; the others take the next ones. Another first seed gives another sample of starts, to check that the share solved holds.</source>
        <translation>最初のネットワークのシード。ほかは続く番号を使います。最初のシードを変えると別の初期値の標本になり、解けた割合が変わらないか確かめられます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="114"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="115"/>
        <source>Train all the networks with the current settings</source>
        <translation>現在の設定で、すべてのネットワークを学習させます</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="118"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="119"/>
        <source>Stop the run; nothing is shown for a cancelled run</source>
        <translation>実行を止めます。キャンセルした実行の結果は表示されません</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="123"/>
        <source>Training steps done, for all the networks together</source>
        <translation>すべてのネットワークを合わせた、実行済みの学習ステップ数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="124"/>
        <source>step %v of %m</source>
        <translation>ステップ %v / %m</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="127"/>
        <source>&amp;Networks:</source>
        <translation>ネットワーク数(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="129"/>
        <source>&amp;First seed:</source>
        <translation>最初のシード(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="139"/>
        <source>final loss</source>
        <translation>最終損失</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="139"/>
        <source>networks</source>
        <translation>ネットワーク数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="142"/>
        <source>solved</source>
        <translation>解けた</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="144"/>
        <source>not solved</source>
        <translation>解けなかった</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="147"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="147"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="155"/>
        <source>Final loss of each network</source>
        <translation>各ネットワークの最終損失</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="474"/>
        <source>How many networks ended with each loss: low is good. Blue networks solved the gate.</source>
        <translation>最終損失ごとのネットワークの数（損失は低いほど良い）。青はゲートを解けたネットワークです。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="156"/>
        <source>Loss during training</source>
        <translation>学習中の損失</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="157"/>
        <source>Line: the median loss at each step (half of the networks are below it). Shaded: where the middle 80 % of the networks are (between the 10 % and 90 % quantiles).</source>
        <translation>線: 各ステップでの損失の中央値（ネットワークの半数がこれより下）。塗りつぶし: 中央の 80 % のネットワークが入る範囲（10 % 点と 90 % 点の間）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="182"/>
        <source>The results appear here when a run ends.</source>
        <translation>実行が終わると、ここに結果が表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="481"/>
        <source>Networks that did not solve the gate. Double-click a seed to open it in the main window and watch it train.</source>
        <translation>ゲートを解けなかったネットワーク。シードをダブルクリックするとメインウィンドウで開き、学習の様子を見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="218"/>
        <source>Open in main window</source>
        <translation>メインウィンドウで開く</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="112"/>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="265"/>
        <source>Not applied: {0}</source>
        <translation>適用していません: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="219"/>
        <source>Open the selected seed in the main window to watch it train</source>
        <translation>選んだシードをメインウィンドウで開き、学習の様子を見ます</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="222"/>
        <source>Double-click a seed to watch it fail in the main window.</source>
        <translation>シードをダブルクリックすると、うまくいかない様子をメインウィンドウで見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="240"/>
        <source>&lt;b&gt;Settings:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;設定:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="245"/>
        <source>The same networks, judged within ±{0:g}: none was trained again.</source>
        <translation>同じネットワークを許容誤差 ±{0:g} で判定し直しました。学習はやり直していません。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="249"/>
        <source>The settings changed: press Run for new results.</source>
        <translation>設定が変わりました。新しい結果を見るには「実行」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="282"/>
        <source>Preparing the initial weights of {0} networks…</source>
        <translation>{0} 個のネットワークの重みの初期値を準備しています…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="291"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="318"/>
        <source>(seeds {0} to {1})</source>
        <translation>（シード {0} ~ {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="327"/>
        <source>Training {0} networks…</source>
        <translation>{0} 個のネットワークを学習させています…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="335"/>
        <source>The run failed: {0}</source>
        <translation>実行に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="337"/>
        <source>Cancelled: press Run to start again.</source>
        <translation>キャンセルしました。もう一度始めるには「実行」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="388"/>
        <source>Done: {0} networks, seeds {1} to {2}.</source>
        <translation>完了: ネットワーク {0} 個、シード {1} ~ {2}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="393"/>
        <source>95 % confidence interval: {0} % to {1} %. With these settings, the share of all seeds that would learn the function very likely lies in this range.</source>
        <translation>95 % 信頼区間: {0} % ~ {1} %。この設定では、すべてのシードのうち関数を学習できるものの割合は、95 % の確からしさでこの範囲にあります。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="396"/>
        <source>95 % confidence interval: {0} % to {1} %. With these settings, the share of all seeds that would solve the gate very likely lies in this range.</source>
        <translation>95 % 信頼区間: {0} % ~ {1} %。この設定では、すべてのシードのうちゲートを解けるものの割合は、95 % の確からしさでこの範囲にあります。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="407"/>
        <source>Solved {0}: {1} of {2} networks = {3} %</source>
        <translation>{0}を解けた割合: {2} 個中 {1} 個 = {3} %</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="440"/>
        <source>Seeds that failed: {0}</source>
        <translation>解けなかったシード: {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="442"/>
        <source> (first {0} listed)</source>
        <translation>（最初の {0} 個を表示）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="454"/>
        <source>seed {0}: final loss {1:.3g}</source>
        <translation>シード {0}: 最終損失 {1:.3g}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="456"/>
        <source> (diverged at step {0})</source>
        <translation>（ステップ {0} で発散）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="467"/>
        <source>Trains many copies of this network that differ only in their random starting weights (their seed), and shows how often these settings learn the function: every sample within the tolerance.</source>
        <translation>ランダムな重みの初期値（シード）だけが異なる、このネットワークのコピーをたくさん学習させ、この設定でどのくらいの割合で関数を学習できるか（すべての標本点が許容誤差以内に入るか）を示します。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="472"/>
        <source>How many networks ended with each loss: low is good. Blue networks learnt the function.</source>
        <translation>最終的な損失ごとのネットワーク数。低いほど良い結果です。青は関数を学習できたネットワークです。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="479"/>
        <source>Networks that did not learn the function. Double-click a seed to open it in the main window and watch it train.</source>
        <translation>関数を学習できなかったネットワーク。シードをダブルクリックするとメインウィンドウで開き、学習の様子を見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="486"/>
        <source>2-layer network (no hidden nodes)</source>
        <translation>2層ネットワーク（隠れ層なし）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="489"/>
        <source>{0}, {1}, alpha {2}, {3} steps, {4} updates, {5}, {6} loss, {7} start weights, {8} update order</source>
        <translation>{0}、{1}、学習率 {2}、{3} ステップ、更新方式 {4}、活性化関数 {5}、損失関数 {6}、重みの初期値 {7}、更新の順序 {8}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="496"/>
        <source>, within ±{0}</source>
        <translation>、許容誤差 ±{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="498"/>
        <source>, stop at loss {0}</source>
        <translation>、損失 {0} で停止</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="503"/>
        <source>the function {0} on a {1} x {1} grid</source>
        <translation>{1} x {1} の格子上の関数 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="505"/>
        <source>the custom gate</source>
        <translation>カスタムゲート</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="213"/>
        <location filename="../../gui/dialogs/seeds_dialog.py" line="375"/>
        <source>Seeds that failed</source>
        <translation>解けなかったシード</translation>
    </message>
</context>
<context>
    <name>SizePicker</name>
    <message>
        <location filename="../../gui/common/size_picker.py" line="15"/>
        <source>{0} x {1}</source>
        <translation>{0} x {1}</translation>
    </message>
    <message>
        <location filename="../../gui/common/size_picker.py" line="16"/>
        <source>Other size</source>
        <translation>ほかの大きさ</translation>
    </message>
    <message>
        <location filename="../../gui/common/size_picker.py" line="22"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../gui/common/size_picker.py" line="23"/>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location filename="../../gui/common/size_picker.py" line="24"/>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
</context>
<context>
    <name>SlideDialog</name>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="22"/>
        <source>Picture for a slide</source>
        <translation>スライド用の画像</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="24"/>
        <source>The output (3D view or 2D map)</source>
        <translation>出力（3D 表示か 2D の図）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="25"/>
        <source>The loss plot</source>
        <translation>損失のグラフ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="26"/>
        <source>The network diagram</source>
        <translation>ネットワーク図</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="27"/>
        <source>The hidden node maps</source>
        <translation>隠れ層マップ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="28"/>
        <source>The hidden space</source>
        <translation>隠れ層の空間</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="29"/>
        <source>The loss landscape</source>
        <translation>損失の地形</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="30"/>
        <source>The step-by-step math (this phase)</source>
        <translation>計算の手順（この段階）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="31"/>
        <source>How the sum builds it</source>
        <translation>和が曲面を作るしくみ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="33"/>
        <source>A view from the side column is drawn as it is shown there (its tab is brought to the front)</source>
        <translation>右の列のビューは、そこに表示されているとおりに描きます（そのタブを前面に出します）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="36"/>
        <source>1920 x 1080 and 1280 x 720 fill a 16:9 slide; 1600 x 1200 and 1024 x 768 a 4:3 one</source>
        <translation>1920 x 1080 と 1280 x 720 は 16:9 のスライド、1600 x 1200 と 1024 x 768 は 4:3 のスライドにぴったりです</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="37"/>
        <source>Caption under the picture</source>
        <translation>画像の下に説明を入れる</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="40"/>
        <source>The run&apos;s settings, step and loss; edit it freely</source>
        <translation>学習の設定、ステップ、損失。自由に書き換えられます</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="43"/>
        <source>View:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="44"/>
        <source>Size:</source>
        <translation>大きさ:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/slide_dialog.py" line="46"/>
        <source>Caption:</source>
        <translation>説明:</translation>
    </message>
</context>
<context>
    <name>SlideExport</name>
    <message>
        <location filename="../../gui/shell/slide_export.py" line="33"/>
        <source>Picture for a slide</source>
        <translation>スライド用の画像</translation>
    </message>
    <message>
        <location filename="../../gui/shell/slide_export.py" line="33"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/slide_export.py" line="50"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../gui/views/status_line.py" line="31"/>
        <source>Training speed</source>
        <translation>学習の速さ</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="31"/>
        <source>What the trainer is doing</source>
        <translation>学習の状態</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="35"/>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="35"/>
        <source>training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="36"/>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="36"/>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="37"/>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="37"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="38"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="44"/>
        <source>step {0:,} of {1:,}</source>
        <translation>ステップ {0:,} / {1:,}</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="46"/>
        <source>step {0:,} of {1:,}, the past (live: {2:,})</source>
        <translation>ステップ {0:,} / {1:,}（過去の表示、現在: {2:,}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="53"/>
        <source>loss now {0:.6g} (the article&apos;s sum, no ½)</source>
        <translation>現在の損失 {0:.6g}（記事のコードの和、½ なし）</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="56"/>
        <source>loss now {0:.6g}</source>
        <translation>現在の損失 {0:.6g}</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="51"/>
        <source>loss too large to compute</source>
        <translation>損失が大きすぎて計算できません</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="25"/>
        <source>Steps done of the run&apos;s total (one step = one pass over all the rows: a gate&apos;s 4, or a function&apos;s grid)</source>
        <translation>全ステップ数のうち実行済みのステップ数（1ステップ = すべての行をひととおり学習すること。ゲートなら4行、関数なら格子の全点）</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="27"/>
        <source>Loss now: summed over the 4 rows at the current weights (a function&apos;s grid: its sum times 4 / the number of rows). The loss plot shows each step&apos;s loss instead, added up row by row during the step (the article&apos;s L[step]), so its last point differs a little</source>
        <translation>現在の損失: 今の重みでの4行分の損失の合計（関数の格子では、全点の合計に 4 / 行数 を掛けたもの）。損失グラフは各ステップの損失（記事の L[step]、ステップ中に行ごとに足したもの）を示すため、最後の点とは少し異なります</translation>
    </message>
    <message>
        <location filename="../../gui/views/status_line.py" line="59"/>
        <source>{0:,.0f} steps/s</source>
        <translation>{0:,.0f} ステップ/秒</translation>
    </message>
</context>
<context>
    <name>StudyDialog</name>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="35"/>
        <source>How many hidden nodes?</source>
        <translation>隠れ層のノードはいくつ必要？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="48"/>
        <source>Trains the current settings from many seeds for each number of hidden nodes in the range below, and plots each seed&apos;s largest error over the rows at the end: the line is the median, the band holds the middle 80 % of seeds. More nodes can come closer, as the universal approximation theorem promises; the band shows that training does not always find such a network.</source>
        <translation>今の設定を、下の範囲の隠れ層のノード数それぞれについて多数のシードで学習し、学習後の各シードの最大誤差を描きます。線は中央値、帯はシードの中央 80 % の範囲です。普遍近似定理が保証するとおり、ノードを増やすほど近づけますが、帯を見ると、学習がいつもそのようなネットワークを見つけるわけではないことがわかります。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="58"/>
        <source>The fewest hidden nodes to train</source>
        <translation>学習する隠れ層のノード数の最小</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="59"/>
        <source>The most hidden nodes to train (at most {0}); more nodes take longer per seed</source>
        <translation>学習する隠れ層のノード数の最大（{0} まで）。ノードが多いほど、1シードあたりの時間が長くなります</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="65"/>
        <source>Not applied: {0}</source>
        <translation>適用していません: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="66"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="72"/>
        <source>Hidden nodes from</source>
        <translation>隠れ層のノード数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="72"/>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="73"/>
        <source>Seeds per count of nodes</source>
        <translation>ノード数ごとのシード数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="92"/>
        <source>hidden nodes</source>
        <translation>隠れ層のノード数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="92"/>
        <source>largest error at the end</source>
        <translation>学習後の最大誤差</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="137"/>
        <source>tolerance {0}</source>
        <translation>許容誤差 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="177"/>
        <source>Training {0} seeds for each of {1} to {2} hidden nodes…</source>
        <translation>隠れ層のノード数 {1}～{2} のそれぞれについて {0} 個のシードを学習しています…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="211"/>
        <source>“From” is above “to”: choose from {0} to {1} hidden nodes, or swap them.</source>
        <translation>範囲の始めが終わりより大きくなっています。{0}～{1} 個を選ぶか、2つを入れ替えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="232"/>
        <source>The study failed: {0}</source>
        <translation>調査に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="234"/>
        <source>Cancelled: press Run to start again.</source>
        <translation>キャンセルしました。もう一度始めるには「実行」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/study_dialog.py" line="258"/>
        <source>Lowest median error {0:.3f} with {1} hidden nodes; {2} of {3} seeds got within {4} there.</source>
        <translation>誤差の中央値が最も小さいのは隠れ層のノード {1} 個のときで {0:.3f} です。そのとき {3} 個中 {2} 個のシードが誤差 {4} 以内に収まりました。</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <location filename="../../gui/views/surface_view.py" line="78"/>
        <source>3D view of the network&apos;s output</source>
        <translation>ネットワークの出力の3D表示</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="283"/>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="283"/>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="109"/>
        <location filename="../../gui/views/surface_view.py" line="284"/>
        <location filename="../../gui/views/surface_view.py" line="347"/>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="109"/>
        <source>error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="305"/>
        <source>target</source>
        <translation>真の値</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="306"/>
        <source>prediction</source>
        <translation>予測値</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="316"/>
        <source>Decision plane (0.5)</source>
        <translation>判定面 (0.5)</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="319"/>
        <source>Show the level 0.5: where the surface is above it, the network answers 1.</source>
        <translation>高さ 0.5 の平面を表示します。曲面がこれより上にある所では、ネットワークは 1 と答えます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="321"/>
        <source>Error |yp − f|</source>
        <translation>誤差 |yp − f|</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="323"/>
        <source>A function run: show how far the network&apos;s surface is from the target at every point, samples and the space between them alike, instead of the surface itself.</source>
        <translation>関数の学習で、曲面そのものの代わりに、ネットワークの曲面が目標からどれだけ離れているかを、標本点でもその間でも、すべての点について表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="328"/>
        <source>Reset camera</source>
        <translation>視点をリセット</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="330"/>
        <source>Return to the starting view (drag to rotate, wheel to zoom).</source>
        <translation>最初の視点に戻します（ドラッグで回転、ホイールで拡大・縮小）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="334"/>
        <source>&lt;span style=&quot;color:#ff4059&quot;&gt;●&lt;/span&gt; target &amp;nbsp; ○ prediction</source>
        <translation>&lt;span style=&quot;color:#ff4059&quot;&gt;●&lt;/span&gt; 真の値 &amp;nbsp; ○ 予測値</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="336"/>
        <source>Red: each row&apos;s target. White: what the network predicts for it (a dot on the surface). A line joins the two.</source>
        <translation>赤: 各行の真の値。白: その行に対するネットワークの予測値（曲面上の点）。2つの点を線で結んでいます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface_view.py" line="339"/>
        <source>drag or arrow keys: rotate · wheel or +/-: zoom</source>
        <translation>ドラッグか矢印キー: 回転 · ホイールか +/-: ズーム</translation>
    </message>
</context>
<context>
    <name>TheoremGuideView</name>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="17"/>
        <source>The article motivates the hidden layer with the universal approximation theorem. Each part below says one thing it promises or does not, and Set up loads a run that shows it.</source>
        <translation>記事は、隠れ層を置く理由として普遍近似定理を挙げています。下の各項目は、この定理が保証すること、保証しないことを1つずつ説明します。「準備する」で、それを示す学習を読み込みます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="20"/>
        <source>Load this section&apos;s run and show the view to look at</source>
        <translation>この項目の学習を読み込み、見るところを表示します</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="29"/>
        <source>The promise: as close as you like</source>
        <translation>定理が保証すること: いくらでも近く</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="30"/>
        <source>With enough hidden nodes, some network comes as close as we like to any continuous function on the square. Here {0} hidden nodes learn the bump from its samples on a grid of {1} x {1}. {6} After {2:,} steps the largest error over the samples is {3}, at the top of the hill ({4}, {5}), the last part to come.</source>
        <translation>隠れ層のノードが十分あれば、正方形の上のどんな連続関数にもいくらでも近いネットワークが存在します。ここでは隠れ層のノード {0} 個で、{1} x {1} の格子上の標本点から「山」を学習します。{6}{2:,} ステップ後、標本点での最大誤差は {3} で、場所は山の頂上 ({4}, {5}) です。頂上は最後まで残ります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="36"/>
        <source>The map starts bright all over: the output is near 1 everywhere. Press Train: the edges darken and the hill takes shape in the middle.</source>
        <translation>図は最初、全体が明るい色です。出力がどこでも 1 に近いからです。「学習」を押すと、周りが暗くなり、真ん中に山の形ができていきます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="39"/>
        <source>The surface starts as a flat sheet near 1. Press Train: it settles onto the red wireframe, the target, and the hill takes shape.</source>
        <translation>曲面は最初、1 の近くの平らな面です。「学習」を押すと、曲面が目標の赤いワイヤーフレームまで下りてきて、山の形ができていきます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="41"/>
        <source>the map of the output: press Train and watch its colours take the hill&apos;s shape; each small dot is a sample, in its target&apos;s colour.</source>
        <translation>出力の図。「学習」を押して、色が山の形になっていく様子を見てください。小さな点はそれぞれ標本点で、目標の値の色で塗られています。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="43"/>
        <source>the 3D view: press Train and watch the surface settle onto the red wireframe.</source>
        <translation>3D表示。「学習」を押して、曲面が赤いワイヤーフレームに重なっていく様子を見てください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="47"/>
        <source>How the sum builds it: soft steps</source>
        <translation>和が曲面を作るしくみ: なめらかな段差</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="48"/>
        <source>Each hidden node&apos;s output is a soft step over the square: near 0 on one side of a line, near 1 on the other. The output node adds them up, each times its weight, and takes the sigmoid of the sum. The ridge needs only {0} nodes: both nodes&apos; lines run along the diagonal, one step is added and the other taken away, and the ridge is what is left between them (largest error {1}). A bump needs steps from more sides.</source>
        <translation>各隠れノードの出力は、正方形の上のなめらかな段差です。ある直線の片側ではほぼ 0、反対側ではほぼ 1 になります。出力ノードはそれぞれに重みを掛けて足し合わせ、その和のシグモイドをとります。尾根に必要なノードは {0} 個だけです。2つのノードの直線はどちらも対角線に沿っていて、一方の段差を足し、もう一方を引くと、その間に尾根が残ります（最大誤差 {1}）。山を作るには、もっと多くの向きからの段差が必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="55"/>
        <source>“How the sum builds it”: each node&apos;s share, their sum, and the sigmoid of it.</source>
        <translation>「和が曲面を作るしくみ」。各ノードの分担、その和、和のシグモイド。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="60"/>
        <source>Approximation, not exactness</source>
        <translation>近似であって、完全な一致ではない</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="61"/>
        <source>The theorem promises closeness, never an exact match, and training only sees the samples. On a {0} x {0} grid no sample lies on the top of the bump. At the samples the largest error is {1}; on the {2} x {2} check grid between them it is {3}, at ({4}, {5}): the top, which the network never saw.</source>
        <translation>定理が保証するのは近さであって、完全な一致ではありません。また、学習が見るのは標本点だけです。{0} x {0} の格子では、山の頂上に標本点がありません。標本点での最大誤差は {1} ですが、その間も調べる {2} x {2} の検査用格子では {3} で、場所は ({4}, {5})、ネットワークが一度も見なかった頂上です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="67"/>
        <source>the map showing the error |yp − f|: the lighter patch in the middle is the error between the samples.</source>
        <translation>誤差 |yp − f| を表示した図。真ん中の明るい部分が、標本点の間の誤差です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="69"/>
        <source>the 3D view showing the error |yp − f|: the peak in the middle is the error between the samples.</source>
        <translation>誤差 |yp − f| を表示した3D表示。真ん中の山が、標本点の間の誤差です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="73"/>
        <source>Continuous functions only</source>
        <translation>対象は連続関数だけ</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="74"/>
        <source>The step preset jumps from 0.1 to 0.9 at x1 = 0.53: it is not continuous, so the theorem promises nothing for it. The samples can still be met: the largest error over them is {0}. But a sum of smooth steps is smooth: between the samples on either side of the jump the network rounds it off, and there its error is {1}.</source>
        <translation>「段差」のプリセットは x1 = 0.53 で 0.1 から 0.9 に跳びます。連続ではないので、定理は何も保証しません。それでも標本点には合わせられ、標本点での最大誤差は {0} です。しかし、なめらかな段差の和はなめらかです。跳びの両側の標本点の間では、ネットワークは跳びを丸めてしまい、そこでの誤差は {1} になります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="80"/>
        <source>the map: its colours change gradually where the samples&apos; dots jump from dark to bright.</source>
        <translation>図。標本点の色が暗から明へ跳ぶところで、図の色はなだらかに変わっています。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="82"/>
        <source>the 3D view: the surface slopes where the red wireframe jumps.</source>
        <translation>3D表示。赤いワイヤーフレームが跳ぶところで、曲面はなだらかな坂になっています。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="102"/>
        <source>A good network exists; training may not find it</source>
        <translation>よいネットワークは存在する。学習で見つかるとは限らない</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="87"/>
        <source>The theorem says a good network exists, not that training finds it. Here {0} hidden nodes learn the ripple from seed {1}, and get stuck: from step 1,000 on the loss barely moves, and the largest error is {2}, in the middle ({3}, {4}), where the peak at the rings&apos; centre never forms. Seed {5}, with the same settings, ends at {6}. Trained far longer, a stuck run may still escape; nothing says when.</source>
        <translation>定理が言うのは、よいネットワークが存在することであって、学習でそれが見つかることではありません。ここでは隠れ層のノード {0} 個で、シード {1} から「波紋」を学習しますが、行き詰まります。ステップ 1,000 以降は損失がほとんど変わらず、最大誤差は {2}、場所は中央 ({3}, {4}) で、波紋の中心の山ができないままです。同じ設定でもシード {5} なら {6} まで下がります。ずっと長く学習すれば行き詰まりから抜け出すこともありますが、それがいつかはわかりません。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="96"/>
        <source>The study beside it trains seeds 0 to {0} for {1} to {2} hidden nodes (press Run): the median error falls from {3} to {4}, but at {2} nodes the band still reaches {5}: some seeds stay stuck.</source>
        <translation>一緒に開く調査では、隠れ層のノード数 {1}～{2} のそれぞれについてシード 0～{0} を学習します（「実行」を押します）。誤差の中央値は {3} から {4} に下がりますが、ノード {2} 個でも帯の上端は {5} に達します。行き詰まったままのシードがあるのです。</translation>
    </message>
    <message>
        <location filename="../../gui/views/theorem_guide_view.py" line="104"/>
        <source>the study&apos;s plot: the median line falls, the band stays wide.</source>
        <translation>調査のグラフ。中央値の線は下がり、帯は広いままです。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="25"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="27"/>
        <source>Go back to any step of the run: every view shows the network as it was then. Left/Right: one step, Page Up/Down: 1 % of the run, Home/End: first and last step. Train or Step from a past step starts a new run from there; the old one is kept</source>
        <translation>学習のどのステップにも戻れます。すべての表示がそのときのネットワークになります。左右キー: 1ステップ、Page Up/Down: 学習の1 %、Home/End: 最初と最後のステップ。過去のステップで「学習」か「1ステップ」を押すと、そこから新しい学習を始めます（元の学習は残ります）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="33"/>
        <source>Back to live</source>
        <translation>現在に戻る</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="34"/>
        <source>Show the run&apos;s present again (End does the same)</source>
        <translation>学習の現在の状態を再び表示します（End キーでも同じ）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="43"/>
        <source>Play the run backward (again: pause)</source>
        <translation>学習を逆向きに再生します（もう一度押すと一時停止）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="44"/>
        <source>Play the run forward from the step shown (again: pause)</source>
        <translation>表示中のステップから学習を再生します（もう一度押すと一時停止）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline_bar.py" line="86"/>
        <source>viewing step {0:,} (live: {1:,})</source>
        <translation>ステップ {0:,} を表示中（現在: {1:,}）</translation>
    </message>
</context>
<context>
    <name>UnsavedWork</name>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="81"/>
        <source>Unsaved runs</source>
        <translation>未保存の実行</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="84"/>
        <source>Deleting it loses its progress; this cannot be undone.</source>
        <translation>削除すると進捗は失われます。元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="86"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="89"/>
        <source>Their progress will be lost unless you save it. Save all keeps every run of the session in one file (File &gt; Open brings them all back).</source>
        <translation>保存しないと進捗は失われます。「すべて保存」はセッションのすべての実行を 1 つのファイルに保存します（ファイル &gt; 開く ですべて戻せます）。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="91"/>
        <source>Its progress will be lost unless you save it.</source>
        <translation>保存しないと進捗は失われます。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="92"/>
        <source>Save all…</source>
        <translation>すべて保存…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="92"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="94"/>
        <source>Discard and quit</source>
        <translation>破棄して終了</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="95"/>
        <source>Discard and open</source>
        <translation>破棄して開く</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="135"/>
        <source>Unsaved runs cannot be kept if GateLab is ended from outside: the folder {0} cannot be written ({1}). Save your runs yourself.</source>
        <translation>GateLab が外部から終了された場合、未保存の実行を残せません。フォルダー {0} に書き込めません（{1}）。実行はご自身で保存してください。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="148"/>
        <source>GateLab was ended last time with unsaved runs. They were kept in: {0}</source>
        <translation>前回 GateLab は未保存の実行を残したまま終了しました。次の場所に保存してあります: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="152"/>
        <source>A recovery file was cut off while it was written (GateLab was killed then); it cannot be opened: {0}</source>
        <translation>復元用ファイルが書き込み途中で途切れています（そのとき GateLab が強制終了されました）。開けません: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="155"/>
        <source>A recovery file is damaged and cannot be opened ({0}): {1}</source>
        <translation>復元用ファイルが壊れていて開けません（{0}）: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="163"/>
        <source>Unsaved runs kept</source>
        <translation>未保存の実行を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="166"/>
        <source>Open them now</source>
        <translation>今すぐ開く</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="166"/>
        <source>Open the newest now</source>
        <translation>最新のものを今すぐ開く</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="168"/>
        <source>Later (File &gt; Open)</source>
        <translation>あとで（ファイル &gt; 開く）</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="181"/>
        <source>This run has progress that is not saved:</source>
        <translation>この実行には保存されていない進捗があります:</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="183"/>
        <source>{0} runs have progress that is not saved:</source>
        <translation>{0} 件の実行に保存されていない進捗があります:</translation>
    </message>
    <message>
        <location filename="../../gui/shell/unsaved_work.py" line="187"/>
        <source>• and {0} more</source>
        <translation>• ほか {0} 件</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="114"/>
        <source>A narrow screen: the side views (network diagram, math, runs...) are in the View menu; F11 shows the map large.</source>
        <translation>画面の幅が狭いため、右の列のビュー（ネットワーク図、計算の手順、学習の一覧など）は「表示」メニューにあります。F11 でマップを大きく映せます。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="116"/>
        <source>A narrow screen: the side views (network diagram, math, runs...) are in the View menu; F11 shows the 3D view large.</source>
        <translation>画面の幅が狭いため、右の列のビュー（ネットワーク図、計算の手順、学習の一覧など）は「表示」メニューにあります。F11 で3D表示を大きく映せます。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="149"/>
        <source>Network diagram</source>
        <translation>ネットワーク図</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="150"/>
        <source>Hidden node maps</source>
        <translation>隠れ層マップ</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="151"/>
        <source>Hidden space</source>
        <translation>隠れ層の空間</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="152"/>
        <source>Loss landscape</source>
        <translation>損失の地形</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="153"/>
        <source>Step-by-step math</source>
        <translation>計算の手順</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="154"/>
        <source>Practice</source>
        <translation>計算の練習</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="155"/>
        <source>Gradient check</source>
        <translation>勾配チェック</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="156"/>
        <source>How the sum builds it</source>
        <translation>和が曲面を作るしくみ</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="157"/>
        <source>Runs</source>
        <translation>学習の一覧</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="158"/>
        <source>What am I looking at?</source>
        <translation>この画面の見方</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="159"/>
        <source>Follow the article</source>
        <translation>記事に沿って学ぶ</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_layout.py" line="160"/>
        <source>The theorem, step by step</source>
        <translation>普遍近似定理を順に学ぶ</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="79"/>
        <source>A fresh start: the article&apos;s settings and speed. The last ones are kept (File &gt; Start fresh each time).</source>
        <translation>初期設定で起動しました: 記事の設定と速度です。前回の設定は残っています（ファイル &gt; 毎回初期設定で起動）。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="102"/>
        <source>training settings</source>
        <translation>学習の設定</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="102"/>
        <source>view options</source>
        <translation>表示の設定</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="103"/>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="103"/>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="107"/>
        <source>Some saved settings could not be read and are back to their defaults: {0}.</source>
        <translation>保存された設定の一部を読み込めなかったため、既定値に戻しました: {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="129"/>
        <source>The language changes when GateLab starts next time.</source>
        <translation>言語は GateLab を次に起動したときに切り替わります。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="136"/>
        <source>From the next start on, GateLab starts with the article&apos;s settings.</source>
        <translation>次回から、GateLab は記事の設定で起動します。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/window_settings.py" line="137"/>
        <source>From the next start on, GateLab starts with the last settings.</source>
        <translation>次回から、GateLab は前回の設定で起動します。</translation>
    </message>
</context>
<context>
    <name>WorksheetExport</name>
    <message>
        <location filename="../../gui/shell/worksheet_export.py" line="29"/>
        <source>The worksheet could not be saved: {0}</source>
        <translation>練習問題シートを保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/worksheet_export.py" line="31"/>
        <source>Worksheet saved: {0}</source>
        <translation>練習問題シートを保存しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/worksheet_export.py" line="34"/>
        <source>Save the worksheet</source>
        <translation>練習問題シートを保存</translation>
    </message>
    <message>
        <location filename="../../gui/shell/worksheet_export.py" line="35"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>_Writer</name>
    <message>
        <location filename="../../gui/views/math_panel.py" line="167"/>
        <source>Note:</source>
        <translation>注:</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="179"/>
        <source>Article step {0}</source>
        <translation>記事の手順{0}</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="180"/>
        <source>Article steps {0} and {1}</source>
        <translation>記事の手順{0}と{1}</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="187"/>
        <source>… and likewise for the other nodes, {j} = {first} … {last}.</source>
        <translation>… 残りのノード {j} = {first} … {last} も同様です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="192"/>
        <source>Row [{x1}, {x2}]: inputs {sx1} = {x1}, {sx2} = {x2} and the bias input 1; the target is {yt} = {t}.</source>
        <translation>行 [{x1}, {x2}]: 入力は {sx1} = {x1}、{sx2} = {x2} とバイアス入力 1、真の値は {yt} = {t} です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="208"/>
        <source>Forward pass: the neuron adds up its weighted inputs, then {f} squashes the sum into a prediction between 0 and 1.</source>
        <translation>順伝播: ニューロンは入力値と重みの積を合計し、{f} がその合計を 0 と 1 の間の予測値に変換します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="211"/>
        <source>the sum of the inputs times their weights</source>
        <translation>入力値と重みの積の合計</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="214"/>
        <location filename="../../gui/views/math_panel.py" line="236"/>
        <source>the sum through the activation function</source>
        <translation>合計を活性化関数に入れる</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="216"/>
        <source>{f} is the sigmoid function; the bias input is always 1, so {w3} acts as the neuron&apos;s threshold.</source>
        <translation>{f} は活性化関数（シグモイド関数）です。バイアス入力は常に 1 なので、{w3} がニューロンの閾値の役割をします。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="222"/>
        <source>Forward pass: each hidden node adds up its weighted inputs and applies its activation; the output node does the same with the hidden nodes.</source>
        <translation>順伝播: 隠れ層の各ノードは入力値と重みの積を合計し、活性化関数に入れます。出力のノードも、隠れ層のノードの値で同じことをします。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="226"/>
        <source>each hidden node&apos;s weighted sum, then its activation</source>
        <translation>隠れ層の各ノードで入力値と重みの積の合計を求め、活性化関数に入れる</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="231"/>
        <source>{h} = 1 is the bias node: it always outputs 1.</source>
        <translation>{h} = 1 はバイアスのノードで、常に 1 を出力します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="233"/>
        <source>the hidden nodes times the second-layer weights</source>
        <translation>隠れ層の値と二層目・三層目の間の重みの積の和</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="240"/>
        <source>the article&apos;s code sets hidden_layers = 3, but that counts the bias node too: it means 2 hidden nodes plus the bias node (this network has {h} hidden nodes and the bias node {bias}). Its 3D-plot helper also uses w1[0] for both inputs (x2 needs w1[1]) and prints x1 on the way; GateLab&apos;s 3D view uses each input&apos;s own weights.</source>
        <translation>記事のコードは hidden_layers = 3 としていますが、これはバイアスのノードも数えています。実際には隠れ層のノード 2 個とバイアスのノードです（このネットワークは隠れ層のノード {h} 個とバイアスのノード {bias}）。また、記事の3Dグラフを描く関数は、2つの入力の両方に w1[0] を使い（x2 には w1[1] が必要）、途中で x1 を print しています。GateLab の3D表示は、それぞれの入力に自分の重みを使います。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="281"/>
        <source>Loss: how far the prediction is from the target.</source>
        <translation>損失: 予測値が真の値からどれだけ離れているか。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="282"/>
        <source>the squared error</source>
        <translation>二乗誤差</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="283"/>
        <source>the loss (here cross-entropy)</source>
        <translation>損失（ここでは交差エントロピー）</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="287"/>
        <source>the article&apos;s 3-layer code adds up (y − yt)² without the ½, so its loss curve is twice this value; its gradients do use the ½, as here.</source>
        <translation>記事の3層のコードは ½ を付けずに (y − yt)² を足しているので、損失のグラフはこの値の2倍になります。ただし勾配は、ここと同じく ½ を付けた式から求めています。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="299"/>
        <source>Cross-entropy; log is the natural logarithm. The loss grows without limit as the prediction approaches the wrong value.</source>
        <translation>交差エントロピー（log は自然対数）。予測値が間違った値に近づくほど、損失は限りなく大きくなります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="305"/>
        <source>Step {step}&apos;s loss adds up its 4 rows, each taken before its own update: {terms} + …</source>
        <translation>ステップ {step} の損失は4行分の合計です（各行はその行の更新前の値）: {terms} + …</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="309"/>
        <source>Step {step}&apos;s loss adds up its 4 rows, each taken before its own update: {terms} = {total}, the value the loss plot shows for step {step}.</source>
        <translation>ステップ {step} の損失は4行分の合計です（各行はその行の更新前の値）: {terms} = {total}。これが損失のグラフのステップ {step} の値です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="316"/>
        <source>Backward pass: how much the loss changes when each weight changes (the chain rule, from the output back).</source>
        <translation>逆伝播: 各重みを変えたとき、損失がどれだけ変わるか（出力側から順に連鎖律で求めます）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="319"/>
        <source>the loss differentiated by each weight</source>
        <translation>損失を各重みで微分する</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="331"/>
        <source>With cross-entropy the slope {slope} cancels out: {grad}.</source>
        <translation>交差エントロピーでは傾き {slope} が約分されて消えます: {grad}。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="345"/>
        <source>the article&apos;s step 4 writes its second line twice; the chain rule goes through {u}: {chain}.</source>
        <translation>記事の手順 4 では、2 行目と同じ式がもう一度書かれています。連鎖律は {u} を通ります: {chain}。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="358"/>
        <source>Chain rule, factor by factor:</source>
        <translation>連鎖律（因子ごと）:</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="363"/>
        <source>Output node</source>
        <translation>出力のノード</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="364"/>
        <source>the loss differentiated by the second-layer weights</source>
        <translation>損失を二層目と三層目の間の重みで微分する</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="374"/>
        <source>With cross-entropy the slope {slope} cancels out.</source>
        <translation>交差エントロピーでは傾き {slope} が約分されて消えます。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="387"/>
        <source>the article&apos;s step 6 writes this gradient as {wrong}; the correct one is {right}, as above.</source>
        <translation>記事の手順6ではこの勾配を {wrong} と書いていますが、正しくは上のとおり {right} です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="395"/>
        <source>Hidden nodes</source>
        <translation>隠れ層のノード</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="396"/>
        <source>the loss differentiated by the first-layer weights</source>
        <translation>損失を一層目と二層目の間の重みで微分する</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="398"/>
        <source>As in the article&apos;s code, the output weights are updated first, and the new values are used below:</source>
        <translation>記事のコードと同じく、出力層の重みを先に更新し、以下ではその新しい値を使います:</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="407"/>
        <source>(updated)</source>
        <translation>（更新後）</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="422"/>
        <source>as in the article&apos;s code, {delta} uses {w2} after its update, so the value called {grad} here is not the partial derivative at the current weights. Textbook backpropagation uses the value from before the update (update order &apos;textbook&apos;).</source>
        <translation>記事のコードと同じく、{delta} には更新後の {w2} を使っています。そのため、ここで {grad} と呼んでいる値は、現在の重みでの偏微分ではありません。教科書どおりの誤差逆伝播法では更新前の値を使います（更新の順序「教科書の順序」）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="428"/>
        <source>the article&apos;s code updates {w2} first and uses the new value in {delta}. This run uses the old value, as textbook backpropagation does (choose update order &apos;article&apos; to follow the article&apos;s code).</source>
        <translation>記事のコードは {w2} を先に更新し、その新しい値を {delta} に使います。この学習では、教科書どおりの誤差逆伝播法と同じく更新前の値を使います（記事のコードに合わせるには、更新の順序で「記事のコードの順序」を選びます）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="505"/>
        <source>Update (momentum): each weight moves against its velocity, the running sum of its gradients, scaled by the learning rate {rate}.</source>
        <translation>更新（モーメンタム）: 各重みを速度（勾配を積み重ねた和）と逆の向きに動かします。動かす量は学習率 {rate} で決まります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="508"/>
        <source>Update (Adam): each weight moves against its gradient&apos;s running mean, scaled down where the gradient is large; the step is about the learning rate {rate}.</source>
        <translation>更新（Adam）: 各重みを勾配の移動平均と逆の向きに動かします。勾配が大きいところでは縮めるので、一度に動く量はおよそ学習率 {rate} です。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="511"/>
        <source>Update: each weight takes a small step against its gradient, scaled by the learning rate {rate}.</source>
        <translation>更新（勾配降下法）: 各重みを勾配と逆の向きに少しだけ動かします。動かす量は学習率 {rate} で決まります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="463"/>
        <source>every weight updated</source>
        <translation>すべての重みを更新する</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="477"/>
        <source>Output weights</source>
        <translation>出力層の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="484"/>
        <source>Hidden weights</source>
        <translation>隠れ層の重み</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="499"/>
        <source>(this row&apos;s input is 0: unchanged)</source>
        <translation>（この行の入力は 0 なので変化なし）</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="517"/>
        <source>Momentum: each weight keeps a velocity {vel}, its gradients added up with each older one counted 0.9 times less; the weight moves by {alpha} times the velocity, so steps grow where the gradient keeps its sign.</source>
        <translation>モーメンタム: 各重みは速度 {vel} を持ちます。これまでの勾配の和で、古いものほど 1 回ごとに 0.9 倍に小さく数えます。重みは速度の {alpha} 倍だけ動くので、勾配の符号が変わらない間は歩幅が大きくなります。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="523"/>
        <source>Adam: each weight keeps running means of its gradient ({m}) and of the gradient squared ({v}). Both start at 0, so they are divided by 1 − 0.9&lt;sup&gt;t&lt;/sup&gt; and 1 − 0.999&lt;sup&gt;t&lt;/sup&gt; ({mh}, {vh}); t = {t} counts the updates so far, this one included. The weight moves by {alpha}·{mh} / (√{vh} + ε), about {alpha} whatever the gradient&apos;s size (ε = 10&lt;sup&gt;−8&lt;/sup&gt;).</source>
        <translation>Adam: 各重みは勾配の移動平均 ({m}) と勾配の二乗の移動平均 ({v}) を持ちます。どちらも 0 から始まるので、1 − 0.9&lt;sup&gt;t&lt;/sup&gt; と 1 − 0.999&lt;sup&gt;t&lt;/sup&gt; で割って補正します ({mh}, {vh})。t = {t} はこれまでの更新回数で、今回の更新を含みます。重みは {alpha}·{mh} / (√{vh} + ε) だけ動き、勾配の大きさにかかわらずおよそ {alpha} です (ε = 10&lt;sup&gt;−8&lt;/sup&gt;)。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="563"/>
        <source>these numbers are no longer finite: the network diverged. Lower α or reset the network.</source>
        <translation>これらの数値はもう有限ではありません。ネットワークが発散しました。α を小さくするか、ネットワークをリセットしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="567"/>
        <source>The other views now show these weights. Next: row [{x1}, {x2}] with the new weights.</source>
        <translation>他の表示にもこの重みが反映されました。次は、新しい重みで行 [{x1}, {x2}] を計算します。</translation>
    </message>
    <message>
        <location filename="../../gui/views/math_panel.py" line="569"/>
        <source>Step {step} is complete: its loss, the sum of the 4 rows&apos; losses, is {loss}. Next: step {next}, row [0, 0].</source>
        <translation>ステップ {step} が完了しました。その損失（4行の損失の合計）は {loss} です。次はステップ {next} の行 [0, 0] です。</translation>
    </message>
</context>
</TS>
