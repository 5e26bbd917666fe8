# Build matrix for the emguard images: `make docker-build`, or from the repo root
#   CONTEXT=docker docker buildx bake --file docker/docker-bake.hcl [cpu | cuda | default]
# Targets: cpu -> ${IMAGE}:cpu; cuda -> one ${IMAGE}:cuda-<name> per entry of CUDA_VARIANTS.

variable "IMAGE" {
  default = "emguard"
}

# The build context is docker/ itself: the images hold only the locked environment, and the
# repository is mounted at /emguard when they run.
variable "CONTEXT" {
  default = "docker"
}

# One entry per CUDA / torch / vLLM combination. vLLM pins an exact torch, and PyPI's torch
# wheels are built for one CUDA line, so the three move together: a new entry needs its own
# lock (`make lock-cuda` with VLLM_VERSION and CUDA_OVERRIDES changed, output renamed) and a
# base image of the same CUDA line, pinned by tag and digest.
variable "CUDA_VARIANTS" {
  default = [
    {
      name  = "cu130"
      base  = "nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04@sha256:14d94b039cb94bbd5da559f303b46bc4b0d5d6c24ab1a9d7b186e566ed3400dc"
      lock  = "requirements-cuda.lock"
      torch = "2.14.0"
      vllm  = "0.33.0"
    },
  ]
}

group "default" {
  targets = ["cpu", "cuda"]
}

target "_common" {
  context   = CONTEXT
  platforms = ["linux/amd64"]
  labels = {
    "org.opencontainers.image.title"       = "emguard"
    "org.opencontainers.image.description" = "Reproducible benchmark of defences against emergent misalignment"
    "org.opencontainers.image.licenses"    = "Apache-2.0"
  }
}

target "cpu" {
  inherits   = ["_common"]
  dockerfile = "Dockerfile.cpu"
  tags       = ["${IMAGE}:cpu"]
}

target "cuda" {
  name       = "cuda-${v.name}"
  matrix     = { v = CUDA_VARIANTS }
  inherits   = ["_common"]
  dockerfile = "Dockerfile.cuda"
  args = {
    CUDA_BASE_IMAGE = v.base
    CUDA_LOCK       = v.lock
  }
  labels = {
    "io.emguard.torch" = v.torch
    "io.emguard.vllm"  = v.vllm
  }
  tags = ["${IMAGE}:cuda-${v.name}"]
}
