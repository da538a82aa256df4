from bot.cli import main

if __name__ == "__main__":  # the file-reading child processes import this module again
    main()
