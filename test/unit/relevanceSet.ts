/**
 * A hand-made relevance set over the bundled corpus: queries a researcher would
 * type, each with the one paper they want. `expected` is that paper's exact
 * title, or, for an untitled paper (`expectedAbstract: true`), an exact and
 * distinctive substring of its abstract.
 *
 * The queries were chosen from the papers, not from what the engine returns:
 * some of them are hard on purpose, and a few are not expected at rank 1.
 */

/** The kinds of query the set covers; relevance.test.ts checks each is present. */
export const RELEVANCE_KINDS = [
  'name', // a paper's short name, as people call it
  'case', // the same in the wrong case
  'variant', // hyphen, punctuation, spacing or accent variants
  'acronym', // an acronym that only the abstract spells out
  'typo', // a misspelled word
  'prefix', // the last word still being typed
  'topic', // a description of what the paper is about
  'syntax', // title:, abs:, year:, has:code, in:, -word, "phrases"
] as const;

export type RelevanceKind = (typeof RELEVANCE_KINDS)[number];

export interface RelevanceJudgement {
  readonly query: string;
  readonly kind: RelevanceKind;
  /** The wanted paper's exact title, or (with `expectedAbstract`) a substring of its abstract. */
  readonly expected: string;
  readonly expectedAbstract?: true;
}

export const RELEVANCE_SET: readonly RelevanceJudgement[] = [
  // --- short names ---
  { query: 'xLSTM', kind: 'name', expected: 'xLSTM: Extended Long Short-Term Memory' },
  { query: 'HAWQ', kind: 'name', expected: 'HAWQ: Hessian AWare Quantization of Neural Networks with Mixed-Precision' },
  { query: 'HAWQ-V2', kind: 'name', expected: 'HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks' },
  {
    query: 'AdamP',
    kind: 'name',
    expected: 'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
  },
  {
    query: 'conda optimizer',
    kind: 'name',
    expected: 'Conda: Column-Normalized Adam for Training Large Language Models Faster',
  },
  { query: 'PowerNorm', kind: 'name', expected: 'PowerNorm: Rethinking Batch Normalization in Transformers' },
  {
    query: 'ETSformer',
    kind: 'name',
    expected: 'ETSformer: Exponential Smoothing Transformers for Time-series Forecasting',
  },
  {
    query: 'Megalodon',
    kind: 'name',
    expected: 'Megalodon: Efficient LLM Pretraining and Inference with Unlimited Context Length',
  },
  // Hard: while typing, "Mega" is also a prefix of "Megalodon"; the paper named Mega should still win.
  { query: 'Mega', kind: 'name', expected: 'Mega: Moving Average Equipped Gated Attention' },
  { query: 'Adafactor', kind: 'name', expected: 'Adafactor: Adaptive Learning Rates with Sublinear Memory Cost' },
  {
    query: 'DOLG',
    kind: 'name',
    expected: 'DOLG: Single-Stage Image Retrieval with Deep Orthogonal Fusion of Local and Global Features',
  },
  { query: 'QTIP', kind: 'name', expected: 'QTIP: Quantization with Trellises and Incoherence Processing' },
  { query: 'Titans', kind: 'name', expected: 'Titans: Learning to Memorize at Test Time' },
  { query: 'VanillaNet', kind: 'name', expected: 'VanillaNet: the Power of Minimalism in Deep Learning' },
  { query: 'AdEMAMix', kind: 'name', expected: 'The AdEMAMix Optimizer: Better, Faster, Older' },
  { query: 'SpecTr', kind: 'name', expected: 'SpecTr: Fast Speculative Decoding via Optimal Transport' },
  { query: 'Zoology', kind: 'name', expected: 'Zoology: Measuring and Improving Recall in Efficient Language Models' },
  { query: 'layer norm', kind: 'name', expected: 'Layer Normalization' },

  // --- case variants ---
  { query: 'XLSTM', kind: 'case', expected: 'xLSTM: Extended Long Short-Term Memory' },
  {
    query: 'simcse',
    kind: 'case',
    expected: 'Recently, SimCSE has shown the feasibility of contrastive learning',
    expectedAbstract: true,
  },
  {
    query: 'adamp',
    kind: 'case',
    expected: 'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
  },
  {
    query: 'ultragcn',
    kind: 'case',
    expected: 'UltraGCN: Ultra Simplification of Graph Convolutional Networks for Recommendation',
  },
  {
    query: 'chatglm',
    kind: 'case',
    expected: 'ChatGLM: A Family of Large Language Models from GLM-130B to GLM-4 All Tools',
  },
  {
    query: 'ADABELIEF',
    kind: 'case',
    expected: 'AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients',
  },

  // --- hyphen / punctuation / spacing / accent variants ---
  {
    query: 'mixture of transformers',
    kind: 'variant',
    expected: 'Mixture-of-Transformers: A Sparse and Scalable Architecture for Multi-Modal Foundation Models',
  },
  {
    query: 'chestx-ray8',
    kind: 'variant',
    expected:
      'ChestX-ray8: Hospital-scale Chest X-ray Database and Benchmarks on Weakly-Supervised Classification and Localization of Common Thorax Diseases',
  },
  {
    query: 'chestxray8',
    kind: 'variant',
    expected:
      'ChestX-ray8: Hospital-scale Chest X-ray Database and Benchmarks on Weakly-Supervised Classification and Localization of Common Thorax Diseases',
  },
  { query: 'vision lstm', kind: 'variant', expected: 'Vision-LSTM: xLSTM as Generic Vision Backbone' },
  {
    query: 'hawq v2',
    kind: 'variant',
    expected: 'HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks',
  },
  {
    query: 'peri ln',
    kind: 'variant',
    expected: 'Peri-LN: Revisiting Layer Normalization in the Transformer Architecture',
  },
  {
    query: 'core reid',
    kind: 'variant',
    expected:
      'CORE-ReID: Comprehensive Optimization and Refinement through Ensemble fusion in Domain Adaptation for person re-identification',
  },
  {
    query: 'sub-graph matching',
    kind: 'variant',
    expected: 'D2Match: Leveraging Deep Learning and Degeneracy for Subgraph Matching',
  },
  {
    query: 'sub graph permutation equivariant',
    kind: 'variant',
    expected: 'Subgraph Permutation Equivariant Networks',
  },
  {
    query: 'open set domain adaptation',
    kind: 'variant',
    expected: 'open-set domain adaptation',
    expectedAbstract: true,
  },
  { query: 'llm fp4', kind: 'variant', expected: 'LLM-FP4: 4-Bit Floating-Point Quantized Transformers' },
  {
    query: 'nllb clip',
    kind: 'variant',
    expected: 'NLLB-CLIP -- train performant multilingual image retrieval model on a budget',
  },
  { query: 'poincare resnet', kind: 'variant', expected: 'Poincaré ResNet' },
  {
    query: 'gpt4v distribution shift',
    kind: 'variant',
    expected: 'How Well Does GPT-4V(ision) Adapt to Distribution Shifts? A Preliminary Investigation',
  },
  {
    query: 'ibn net',
    kind: 'variant',
    expected: 'Two at Once: Enhancing Learning and Generalization Capacities via IBN-Net',
  },

  // --- acronyms only the abstract spells out ---
  { query: 'SPEN', kind: 'acronym', expected: 'Subgraph Permutation Equivariant Networks' },
  {
    query: 'NLLB-CLIP',
    kind: 'acronym',
    expected: 'NLLB-CLIP -- train performant multilingual image retrieval model on a budget',
  },
  {
    query: 'SubgraphX',
    kind: 'acronym',
    expected: 'we propose a novel method, known as SubgraphX',
    expectedAbstract: true,
  },
  {
    query: 'HAKE',
    kind: 'acronym',
    expected: 'Hierarchy-Aware Knowledge Graph Embedding (HAKE)',
    expectedAbstract: true,
  },
  {
    query: 'MA-GNN',
    kind: 'acronym',
    expected: 'memory augmented graph neural network (MA-GNN)',
    expectedAbstract: true,
  },
  {
    query: 'DIST2Loss',
    kind: 'acronym',
    expected: 'Teaching Metric Distance to Autoregressive Multimodal Foundational Models',
  },
  {
    query: 'OSNet',
    kind: 'acronym',
    expected: 'Learning Generalisable Omni-Scale Representations for Person Re-Identification',
  },
  { query: 'FastBERT', kind: 'acronym', expected: 'Exponentially Faster Language Modelling' },
  {
    query: 'LongVGenBench',
    kind: 'acronym',
    expected: 'LongVie: Multimodal-Guided Controllable Ultra-Long Video Generation',
  },
  {
    query: 'MoT sparse multimodal',
    kind: 'acronym',
    expected: 'Mixture-of-Transformers: A Sparse and Scalable Architecture for Multi-Modal Foundation Models',
  },

  // --- typos ---
  {
    query: 'survey of quantizaton methods',
    kind: 'typo',
    expected: 'A Survey of Quantization Methods for Efficient Neural Network Inference',
  },
  {
    query: 'wasserstien dependency',
    kind: 'typo',
    expected: 'Wasserstein Dependency Measure for Representation Learning',
  },
  { query: 'zipfian whitenning', kind: 'typo', expected: 'Zipfian Whitening' },
  { query: 'hyperbollic category discovery', kind: 'typo', expected: 'Hyperbolic Category Discovery' },
  {
    query: 'adabelif',
    kind: 'typo',
    expected: 'AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients',
  },
  {
    query: 'speculative decodng optimal transport',
    kind: 'typo',
    expected: 'SpecTr: Fast Speculative Decoding via Optimal Transport',
  },
  {
    query: 'consistancy models training',
    kind: 'typo',
    expected: 'Improved Techniques for Training Consistency Models',
  },
  // A transposition: two substitutions for plain Levenshtein, one edit for Damerau.
  { query: 'sinkhron newton', kind: 'typo', expected: 'Accelerating Sinkhorn Algorithm with Sparse Newton Iterations' },

  // --- the last word still being typed ---
  {
    query: 'landmark atten',
    kind: 'prefix',
    expected: 'Landmark Attention: Random-Access Infinite Context Length for Transformers',
  },
  { query: 'zipfian whit', kind: 'prefix', expected: 'Zipfian Whitening' },
  { query: 'hyperbolic categ', kind: 'prefix', expected: 'Hyperbolic Category Discovery' },
  { query: 'region normalization inpai', kind: 'prefix', expected: 'Region Normalization for Image Inpainting' },
  {
    query: 'stochastic taylor deriv',
    kind: 'prefix',
    expected: 'Stochastic Taylor Derivative Estimator: Efficient amortization for arbitrary differential operators',
  },
  { query: 'deep interest net', kind: 'prefix', expected: 'Deep Interest Network for Click-Through Rate Prediction' },
  { query: 'adahess', kind: 'prefix', expected: 'ADAHESSIAN: An Adaptive Second Order Optimizer for Machine Learning' },
  { query: 'xlst', kind: 'prefix', expected: 'xLSTM: Extended Long Short-Term Memory' },

  // --- topical descriptions ---
  {
    query: 'survey of quantization methods',
    kind: 'topic',
    expected: 'A Survey of Quantization Methods for Efficient Neural Network Inference',
  },
  {
    query: 'federated learning non-iid features',
    kind: 'topic',
    expected: 'FRAug: Tackling Federated Learning with Non-IID Features via Representation Augmentation',
  },
  {
    query: 'nan loss monocular depth estimation',
    kind: 'topic',
    expected: 'not a number (NaN) loss',
    expectedAbstract: true,
  },
  {
    query: 'batch normalization in transformers',
    kind: 'topic',
    expected: 'PowerNorm: Rethinking Batch Normalization in Transformers',
  },
  {
    query: 'removing layernorm from gpt-2',
    kind: 'topic',
    expected:
      "Transformers Don't Need LayerNorm at Inference Time: Scaling LayerNorm Removal to GPT-2 XL and the Implications for Mechanistic Interpretability",
  },
  {
    query: 'controllable long video generation',
    kind: 'topic',
    expected: 'LongVie: Multimodal-Guided Controllable Ultra-Long Video Generation',
  },
  {
    query: 'click-through rate prediction user interest',
    kind: 'topic',
    expected: 'Deep Interest Network for Click-Through Rate Prediction',
  },
  { query: 'line art colorization', kind: 'topic', expected: 'Deep Line Art Video Colorization with a Few References' },
  { query: 'mamba survey', kind: 'topic', expected: 'A Survey of Mamba' },
  {
    query: 'watermarking language model text',
    kind: 'topic',
    expected: 'Robust Distortion-free Watermarks for Language Models',
  },
  {
    query: 'data pruning beat power law scaling',
    kind: 'topic',
    expected: 'Beyond neural scaling laws: beating power law scaling via data pruning',
  },
  { query: 'conformal prediction missing values', kind: 'topic', expected: 'Conformal Prediction with Missing Values' },
  {
    query: 'learning rate schedule bayesian optimization',
    kind: 'topic',
    expected: 'AutoLRS: Automatic Learning-Rate Schedule by Bayesian Optimization on the Fly',
  },
  { query: 'scaling rule for ema batch size', kind: 'topic', expected: 'How to Scale Your EMA' },
  {
    query: 'transformers vs state space models copying',
    kind: 'topic',
    expected: 'Repeat After Me: Transformers are Better than State Space Models at Copying',
  },
  {
    query: 'continual learning of llms survey',
    kind: 'topic',
    expected: 'we provide a comprehensive overview of the current research progress on LLMs within the context of CL',
    expectedAbstract: true,
  },
  {
    query: 'explaining graph neural network predictions with subgraphs',
    kind: 'topic',
    expected: 'we propose a novel method, known as SubgraphX',
    expectedAbstract: true,
  },
  {
    query: 'multimodal industrial anomaly detection point clouds rgb',
    kind: 'topic',
    expected: 'multimodal industrial anomaly detection based on 3D point clouds and RGB images',
    expectedAbstract: true,
  },
  {
    query: 'precipitation downscaling benchmark',
    kind: 'topic',
    expected: 'RainShift: A Benchmark for Precipitation Downscaling Across Geographies',
  },
  { query: 'goals in soccer', kind: 'topic', expected: 'Temporal dynamics of goal scoring in soccer' },
  {
    query: 'sparse convolution gpu point cloud',
    kind: 'topic',
    expected: 'Optimizing Sparse Convolution on GPUs with CUDA for 3D Point Cloud Processing in Embedded Systems',
  },
  {
    query: 'knowledge graph embedding uncertainty symmetric group',
    kind: 'topic',
    expected: 'Knowledge Graph Embedding by Normalizing Flows',
  },
  {
    query: 'carried object detection video',
    kind: 'topic',
    expected: 'Detecting carried objects is one of the requirements',
    expectedAbstract: true,
  },

  // --- query syntax ---
  {
    query: 'title:normalization reinforcement',
    kind: 'syntax',
    expected: 'Normalization and effective learning rates in reinforcement learning',
  },
  { query: 'year:2016 normalization', kind: 'syntax', expected: 'Layer Normalization' },
  { query: '"long short-term memory"', kind: 'syntax', expected: 'xLSTM: Extended Long Short-Term Memory' },
  {
    query: '"information gain" word embedding',
    kind: 'syntax',
    expected: 'Norm of Word Embedding Encodes Information Gain',
  },
  {
    query: 'has:code imbalanced regression',
    kind: 'syntax',
    expected: 'ConR: Contrastive Regularizer for Deep Imbalanced Regression',
  },
  {
    query: 'abs:Muon optimizer',
    kind: 'syntax',
    expected: 'Conda: Column-Normalized Adam for Training Large Language Models Faster',
  },
  {
    query: '"exponential smoothing" transformer',
    kind: 'syntax',
    expected: 'ETSformer: Exponential Smoothing Transformers for Time-series Forecasting',
  },
  {
    query: 'federated normalization in:nov',
    kind: 'syntax',
    expected: 'FedWon: Triumphing Multi-domain Federated Learning Without Normalization',
  },
  {
    query: 'upvotes:>2 video generation',
    kind: 'syntax',
    expected: 'LongVie: Multimodal-Guided Controllable Ultra-Long Video Generation',
  },
  { query: 'xlstm -forecasting -vision', kind: 'syntax', expected: 'xLSTM: Extended Long Short-Term Memory' },
  {
    query: 'title:quantization year:2020',
    kind: 'syntax',
    expected: 'Improving Post Training Neural Quantization: Layer-wise Calibration and Integer Programming',
  },
];
