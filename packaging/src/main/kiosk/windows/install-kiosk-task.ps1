<#
.SYNOPSIS
  Registers (or removes) the "CityOps Kiosk" scheduled task: when the wall user logs on, it runs
  cityops-kiosk.ps1, which starts CityOps Console in kiosk mode and restarts it whenever it exits.
  Run once per wall PC in an elevated PowerShell (docs/wall-setup.md).

.EXAMPLE
  .\install-kiosk-task.ps1 -User WALL01\wall -Arguments '--kiosk --wall "C:\Users\wall\AppData\Roaming\CityOps\wall.json" --server https://cityops.example.gov.cn'

.EXAMPLE
  .\install-kiosk-task.ps1 -Uninstall
#>
param(
  [string] $User = "$env:USERDOMAIN\$env:USERNAME",
  [string] $Arguments,
  [string] $Launcher = "$env:ProgramFiles\CityOps\CityOps.exe",
  [string] $TaskName = 'CityOps Kiosk',
  [switch] $Uninstall
)
$ErrorActionPreference = 'Stop'

if ($Uninstall) {
  Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
  Write-Host "removed scheduled task '$TaskName'"
  exit 0
}

$runner = Join-Path $PSScriptRoot 'cityops-kiosk.ps1'
if (-not (Test-Path $runner)) { throw "cityops-kiosk.ps1 not found beside this script ($runner)" }
$runnerArgs = "-NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$runner`" -Launcher `"$Launcher`""
if ($Arguments) {
  # Passed through to the app; inner double quotes survive as \".
  $runnerArgs += ' -Arguments "' + ($Arguments -replace '"', '\"') + '"'
}

$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $runnerArgs
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
# Interactive (the wall needs the user's desktop), not elevated.
$principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
# No time limit; if the runner itself dies, Task Scheduler starts it again every minute.
$settings = New-ScheduledTaskSettingsSet `
  -ExecutionTimeLimit ([TimeSpan]::Zero) `
  -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -MultipleInstances IgnoreNew `
  -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable

Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger `
  -Principal $principal -Settings $settings `
  -Description 'CityOps Console video wall: kiosk mode, restarted when it exits (docs/wall-setup.md)' `
  -Force | Out-Null
Write-Host "registered scheduled task '$TaskName' for $User"
Write-Host "start it now: Start-ScheduledTask -TaskName '$TaskName'  (or log $User on)"
