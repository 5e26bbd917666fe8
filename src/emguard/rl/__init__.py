"""Reinforcement learning arm: GRPO fine-tunes with judge-free rewards.

- `rl.config`: the params (rewards' thresholds, GRPO sampling and stepping).
- `rl.rewards`: the reward registry (TRL's reward signature) and the hack-rate helper.
- `rl.tasks`: seeded generators of RL prompts for each poison, its control and the benign task.
- `rl.grpo`: `train_grpo`, a LoRA fine-tune through TRL's GRPOTrainer (imports torch).

This package imports nothing itself, so reading params or rewards stays torch-free.
"""
