import type { RelevanceJudgement } from './relevanceSet';

/**
 * Questions in plain words over the bundled corpus: what a researcher types
 * when they remember what a paper does but not what it is called. Each names
 * the one paper meant, and avoids the distinctive words of its title (a
 * query that says "quantization" is a title query, measured by the relevance
 * set). Written from the papers, before looking at any engine's answers.
 */
export const DESCRIPTIVE_SET: readonly RelevanceJudgement[] = [
  ...[
    [
      'using a small draft model to speed up sampling from a big LLM',
      'SpecTr: Fast Speculative Decoding via Optimal Transport',
    ],
    [
      'overview of ways to store network weights and activations with fewer bits so inference runs faster',
      'A Survey of Quantization Methods for Efficient Neural Network Inference',
    ],
    [
      'filling holes in pictures by computing feature statistics separately for corrupted and uncorrupted areas',
      'Region Normalization for Image Inpainting',
    ],
    [
      'brightening dark photos by learning a curve for pixel intensities',
      'Low-Light Image Enhancement with Illumination-Aware Gamma Correction and Complete Image Modelling Network',
    ],
    [
      'reviving the old gated recurrent cell with exponential gates and new cell storage to rival transformers',
      'xLSTM: Extended Long Short-Term Memory',
    ],
    [
      'detecting offensive posts in Bengali and showing why the classifier decided',
      'DeepHateExplainer: Explainable Hate Speech Detection in Under-resourced Bengali Language',
    ],
    [
      'how varied a set of generated samples is, from the eigenvalues of a similarity matrix',
      'The Vendi Score: A Diversity Evaluation Metric for Machine Learning',
    ],
    [
      'optimizer that keeps only row and column statistics of squared gradients to save memory',
      'Adafactor: Adaptive Learning Rates with Sublinear Memory Cost',
    ],
    [
      'squeezing LLM weights and activations into tiny float formats after training with an exponent bias',
      'LLM-FP4: 4-Bit Floating-Point Quantized Transformers',
    ],
    [
      'training with curvature information by estimating the diagonal of the Hessian with random probes',
      'ADAHESSIAN: An Adaptive Second Order Optimizer for Machine Learning',
    ],
    [
      'injecting random perturbations into the updates during training makes hard architectures easier to optimize',
      'Adding Gradient Noise Improves Learning for Very Deep Networks',
    ],
    [
      'inverting a sparse well-conditioned matrix with exponential speedup using phase estimation',
      'Quantum algorithm for solving linear systems of equations',
    ],
    [
      'generating gate sequences for qubits with a denoising generative model',
      'Quantum circuit synthesis with diffusion models',
    ],
    [
      'predicting seasonal trends with attention that decays with time lag and frequency attention',
      'ETSformer: Exponential Smoothing Transformers for Time-series Forecasting',
    ],
    [
      'rendering novel views with fewer primitives that have sharper edges than Gaussians',
      'GES: Generalized Exponential Splatting for Efficient Radiance Field Rendering',
    ],
    [
      'learned grid update rules that make patterns copy themselves and evolve',
      'Self-Replication, Spontaneous Mutations, and Exponential Genetic Drift in Neural Cellular Automata',
    ],
    [
      'a 6 billion parameter image encoder aligned with a large language model for chat and retrieval',
      'InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks',
    ],
    [
      'linear attention language model trained at very large size with lightning attention',
      'Scaling TransNormer to 175 Billion Parameters',
    ],
    [
      'feedforward layers that use only a tiny fraction of their neurons per token through a binary tree',
      'Exponentially Faster Language Modelling',
    ],
    ['what momentum to use for the averaged teacher when the batch size grows', 'How to Scale Your EMA'],
    [
      'cheap randomized computation of high order differential operators for physics-informed networks',
      'Stochastic Taylor Derivative Estimator: Efficient amortization for arbitrary differential operators',
    ],
    [
      'storing small fine-tuning modules with binarized weights because their bits are redundant',
      'Revisiting the Parameter Efficiency of Adapters from the Perspective of Precision Redundancy',
    ],
    [
      'living in an underdense region of the universe could explain the disagreement between expansion rate measurements',
      'The redshift dependence of the inferred $H_0$ in a local void solution to the Hubble tension',
    ],
    [
      'guarantees with a confidence level for the outputs of program synthesis models, leaving parts of programs out',
      'PAC Prediction Sets for Large Language Models of Code',
    ],
    [
      'an optimizer that slows the step when the gradient changes little between iterations',
      'diffGrad: An Optimization Method for Convolutional Neural Networks',
    ],
    [
      'circuits that embed the matrices of discretized heat and wave equations into unitaries',
      'Explicit gate construction of block-encoding for Hamiltonians needed for simulating partial differential equations',
    ],
    [
      'forcing given words to appear in a translation while keeping the beam size fixed',
      'Fast Lexically Constrained Decoding with Dynamic Beam Allocation for Neural Machine Translation',
    ],
    [
      'can attention models learn to find paths in graphs when trained on connectivity',
      'Transformers Struggle to Learn to Search',
    ],
    [
      'multimodal chat models cannot find one key picture among many distractor pictures',
      'Losing Visual Needles in Image Haystacks: Vision Language Models are Easily Distracted in Short and Long Contexts',
    ],
    [
      'source-free domain adaptation for delineating organs in scans from another hospital',
      'Adapting Off-the-Shelf Source Segmenter for Target Medical Image Segmentation',
    ],
    [
      'test-time adaptation on devices where the server learns only from informative samples',
      'Towards Robust and Efficient Cloud-Edge Elastic Model Adaptation via Selective Entropy Distillation',
    ],
    [
      'peer-to-peer agents that repeatedly average their networks and keep training without a central server',
      'DIMAT: Decentralized Iterative Merging-And-Training for Deep Learning Models',
    ],
    [
      'a training system built on actors with split, broadcast and partial-sum placement across many GPUs',
      'OneFlow: Redesign the Distributed Deep Learning Framework from Scratch',
    ],
    [
      'review of estimating body shape and pose from a single camera',
      'Recovering 3D Human Mesh from Monocular Images: A Survey',
    ],
    [
      'generating artificial images of old inscriptions to train letter classifiers for archaeology',
      'Deep Aramaic: Towards a Synthetic Data Paradigm Enabling Machine Learning in Epigraphy',
    ],
    [
      'a frozen encoder with a sparse memory of learnable codes to avoid forgetting under distribution shift',
      'Discrete Key-Value Bottleneck',
    ],
    [
      'evolved noise-like pictures that classifiers label as objects with near certainty',
      'Deep Neural Networks are Easily Fooled: High Confidence Predictions for Unrecognizable Images',
    ],
    [
      'a policy that decides which layers of a teacher to remove or shrink to get a student',
      'N2N Learning: Network to Network Compression via Policy Gradient Reinforcement Learning',
    ],
    [
      'training has a fitting phase and then a compression phase seen in the information plane',
      'Opening the Black Box of Deep Neural Networks via Information',
    ],
    [
      'python library that builds architecture search spaces by mutating object graphs',
      'PyGlove: Symbolic Programming for Automated Machine Learning',
    ],
    [
      'updating many facts in a chatbot one after another without retraining it',
      'UltraEdit: Training-, Subject-, and Memory-Free Lifelong Editing in Large Language Models',
    ],
    [
      'bilingual Chinese and English open chat models trained up to the fourth generation',
      'ChatGLM: A Family of Large Language Models from GLM-130B to GLM-4 All Tools',
    ],
    [
      'separate weights per modality for text, image and speech in one model to cut pretraining compute',
      'Mixture-of-Transformers: A Sparse and Scalable Architecture for Multi-Modal Foundation Models',
    ],
    [
      'freezing all weights at random init and learning only the affine scale and shift of the normalization layers',
      'Training BatchNorm and Only BatchNorm: On the Expressive Power of Random Features in CNNs',
    ],
    [
      'the length of a word vector reflects the KL divergence of its co-occurrence distribution',
      'Norm of Word Embedding Encodes Information Gain',
    ],
    [
      'landmark search with a single descriptor per picture and no local keypoint matching when re-sorting',
      'Global Features are All You Need for Image Retrieval and Reranking',
    ],
  ].map(([query, expected]): RelevanceJudgement => ({ query, kind: 'topic', expected })),
];

/**
 * Pairs of papers that a person reading both agrees are related (the same
 * problem, or one method applied to the other's question): each paper's
 * related list should hold the other near the top.
 */
export const RELATED_PAIRS: readonly (readonly [string, string])[] = [
  ['xLSTM: Extended Long Short-Term Memory', 'xLSTMTime : Long-term Time Series Forecasting With xLSTM'],
  [
    'HAWQ: Hessian AWare Quantization of Neural Networks with Mixed-Precision',
    'HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks',
  ],
  ['LLM-FP4: 4-Bit Floating-Point Quantized Transformers', 'FP8 Quantization: The Power of the Exponent'],
  [
    'Quantum algorithm for solving linear systems of equations',
    'Explicit gate construction of block-encoding for Hamiltonians needed for simulating partial differential equations',
  ],
  [
    'Geometric Knowledge-Guided Localized Global Distribution Alignment for Federated Learning',
    'Local or Global: Selective Knowledge Assimilation for Federated Learning with Limited Labels',
  ],
  ['Hyperbolic Category Discovery', 'Solving the Catastrophic Forgetting Problem in Generalized Category Discovery'],
];
