"""Quick capture: a plain note becomes a draft card, corrected with 修改 and saved with 保存."""
