import BackstepCore
import TermGrid
