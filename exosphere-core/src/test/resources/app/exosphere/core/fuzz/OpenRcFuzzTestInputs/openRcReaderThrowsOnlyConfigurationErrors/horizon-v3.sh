#!/usr/bin/env bash
export OS_AUTH_URL=https://cell.alliance.rebel:5000/v3
export OS_PROJECT_ID=0123456789abcdef0123456789abcdef
export OS_PROJECT_NAME="rebellion"
export OS_USER_DOMAIN_NAME="Default"
export OS_USERNAME="enfysnest"
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
export OS_REGION_NAME="RegionOne"
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
